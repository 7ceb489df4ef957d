namespace BizWeb.Auth;

/// <summary>
/// Stable codes of every error and warning the SDK reports. The numeric values never change once
/// released; hosts may store or log them. The text for each code is in <see cref="MessageCatalog"/>.
/// </summary>
public enum MessageCode
{
    /// <summary>The contract id (契約者ＩＤ) was empty.</summary>
    ContractIdRequired = 1001,

    /// <summary>The contract id held full-width, non-ASCII or white-space characters.</summary>
    ContractIdNotHalfWidth = 1002,

    /// <summary>The contract id held half-width characters other than digits.</summary>
    ContractIdDigitsOnly = 1003,

    /// <summary>The contract id was not exactly 11 digits long.</summary>
    ContractIdLength = 1004,

    /// <summary>The bank tried to create a contract whose id exists already.</summary>
    ContractIdAlreadyExists = 1005,

    /// <summary>A bank operation named a contract that does not exist.</summary>
    ContractNotFound = 1006,

    /// <summary>The user id (利用者ＩＤ) was empty.</summary>
    UserIdRequired = 1101,

    /// <summary>The user id held full-width, non-ASCII or white-space characters.</summary>
    UserIdNotHalfWidth = 1102,

    /// <summary>The user id held half-width characters other than letters and digits.</summary>
    UserIdAlphanumericOnly = 1103,

    /// <summary>The user id was longer than 30 characters.</summary>
    UserIdTooLong = 1104,

    /// <summary>The user id is taken, equals the contract id, or was deleted and is quarantined until next Monday (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §2).</summary>
    UserIdAlreadyUsed = 1105,

    /// <summary>The contract has the maximum number of users (99 by default) already.</summary>
    UserLimitReached = 1106,

    /// <summary>An administrator operation named a user that does not exist (or was deleted).</summary>
    UserNotFound = 1107,

    /// <summary>利用者名（カナ） was empty.</summary>
    UserNameKanaRequired = 1108,

    /// <summary>A user name was longer than the SDK accepts (60 characters).</summary>
    UserNameTooLong = 1109,

    /// <summary>
    /// A user name contained a control or format character (Unicode categories Cc and Cf, e.g. the
    /// bidirectional override U+202E that makes a name display differently from what it is), or a lone surrogate.
    /// </summary>
    UserNameInvalidCharacters = 1110,

    /// <summary>The bank code was empty.</summary>
    BankCodeRequired = 1201,

    /// <summary>The bank code held full-width, non-ASCII or white-space characters.</summary>
    BankCodeNotHalfWidth = 1202,

    /// <summary>The bank code held half-width characters other than digits.</summary>
    BankCodeDigitsOnly = 1203,

    /// <summary>The bank code was not exactly 4 digits long.</summary>
    BankCodeLength = 1204,

    /// <summary>The registration PIN (①) was empty.</summary>
    RegistrationPinRequired = 1301,

    /// <summary>The registration PIN held full-width, non-ASCII or white-space characters.</summary>
    RegistrationPinNotHalfWidth = 1302,

    /// <summary>The registration PIN held half-width characters other than digits.</summary>
    RegistrationPinDigitsOnly = 1303,

    /// <summary>The registration PIN was not exactly 4 digits long.</summary>
    RegistrationPinLength = 1304,

    /// <summary>A PIN (③ ④ ⑤ ⑥) was empty.</summary>
    PinRequired = 1401,

    /// <summary>A PIN held full-width, non-ASCII or white-space characters.</summary>
    PinNotHalfWidth = 1402,

    /// <summary>A PIN held half-width characters other than letters and digits.</summary>
    PinAlphanumericOnly = 1403,

    /// <summary>A PIN was outside the PIN system's length bounds; the text names the bounds.</summary>
    PinLength = 1404,

    /// <summary>The PIN system requires at least one letter.</summary>
    PinRequiresLetter = 1405,

    /// <summary>The PIN system requires at least one digit.</summary>
    PinRequiresDigit = 1406,

    /// <summary>The PIN system allows digits only.</summary>
    PinDigitsOnly = 1407,

    /// <summary>The new PIN equals the temporary PIN it replaces (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §3, Q5-4).</summary>
    PinSameAsTemporary = 1408,

    /// <summary>Warning: two PINs have the same value; allowed, but different values are recommended (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §3, Q1-3).</summary>
    PinReused = 1409,

    /// <summary>An e-mail address is not of the form local@domain, or is longer than 254 characters.</summary>
    EmailInvalid = 1501,

    /// <summary>Admin sign-in failed: unknown contract id or wrong PIN, one message for both (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §5).</summary>
    AdminSignInFailed = 2001,

    /// <summary>The administrator's credentials are locked after repeated failures (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §5).</summary>
    AdminLocked = 2002,

    /// <summary>User sign-in failed: unknown contract id, user id or wrong PIN, one message for all (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §5).</summary>
    UserSignInFailed = 2003,

    /// <summary>The user's credentials are locked after repeated failures (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §5).</summary>
    UserLocked = 2004,

    /// <summary>The one-time password (customer card ② or token) was wrong.</summary>
    OneTimePasswordIncorrect = 2005,

    /// <summary>A confirmation PIN (④ or ⑥) was wrong.</summary>
    ConfirmationPinIncorrect = 2006,

    /// <summary>The current PIN given to authorise a change was wrong.</summary>
    CurrentPinIncorrect = 2007,

    /// <summary>事故登録: the bank registered an accident on the contract or user.</summary>
    AccidentRegistered = 2008,

    /// <summary>The user is suspended (利用中止) until the administrator releases it.</summary>
    UserSuspended = 2009,

    /// <summary>The contract is stopped or awaits the administrator's activation; users cannot sign in.</summary>
    ContractNotActive = 2010,

    /// <summary>The one-time password was not in the expected form (e.g. full-width digits); not counted as a failure.</summary>
    OneTimePasswordMalformed = 2011,

    /// <summary>No customer card (or hardware token) is registered, so the step cannot be taken.</summary>
    SecondFactorNotRegistered = 2012,

    /// <summary>The user has not completed 利用者開通確認 yet.</summary>
    ActivationRequired = 2013,

    /// <summary>An interrupted activation blocks a new one for a while (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §4, Q1-5, Q5-5).</summary>
    ActivationInterrupted = 2101,

    /// <summary>The flow's handle is unknown, expired, already used, or the step is out of order; start again.</summary>
    FlowExpired = 2102,

    /// <summary>Activation is not needed: the administrator or user is already activated.</summary>
    AlreadyActivated = 2103,

    /// <summary>The operation is not allowed in the current state (an illegal transition).</summary>
    InvalidState = 2104,

    /// <summary>Another operation changed the same record at the same time; nothing was saved.</summary>
    ConcurrencyConflict = 2105,

    /// <summary>
    /// Every remaining attempt of the credential is being evaluated by other requests right now; nothing
    /// is locked and this guess was not evaluated or counted: try again in a moment.
    /// </summary>
    CredentialBusy = 2106,

    /// <summary>
    /// The caller's sign-in is no longer good: the principal was deleted, its security stamp changed
    /// (a PIN change, lock or suspension), or its certificate was revoked or superseded. Sign in again.
    /// </summary>
    SessionEnded = 2107,

    /// <summary>
    /// Too many user certificate acquisitions (利用者6-2) were attempted for this contract in a short
    /// time (<see cref="LockoutOptions.PreCertificateAttemptsPerContract"/>); nothing was evaluated or counted.
    /// </summary>
    EnrollmentAttemptsExceeded = 2110,

    /// <summary>
    /// Too many PIN evaluations are running and waiting in this process right now
    /// (<see cref="PinHashingOptions.MaxConcurrentEvaluations"/>, <see cref="PinHashingOptions.MaxQueuedEvaluations"/>,
    /// <see cref="PinHashingOptions.MaxQueueWait"/>): the PIN was not checked and no attempt was counted.
    /// The same answer whether or not the identifiers exist. Try again later.
    /// </summary>
    ServiceBusy = 2111,

    /// <summary>An idempotency key that is not 1–64 printable ASCII characters.</summary>
    IdempotencyKeyInvalid = 5023,

    /// <summary>A certificate common name is not of the form contract id [+ user id] + bank code (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §7).</summary>
    CertificateCommonNameInvalid = 3001,

    /// <summary>A certificate common name ends with another bank's code (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §7).</summary>
    CertificateCommonNameWrongBank = 3002,

    /// <summary>The client certificate was not accepted (expired, revoked, foreign, or not the current one).</summary>
    CertificateNotAccepted = 3003,

    /// <summary>The user's record says no certificate is to be issued.</summary>
    CertificateNotPermitted = 3004,

    /// <summary>The enrollment ticket is unknown, expired or used.</summary>
    EnrollmentTicketInvalid = 3005,

    /// <summary>The certificate signing request (PKCS#10) could not be read.</summary>
    CertificateRequestMalformed = 3006,

    /// <summary>The request's proof-of-possession signature does not verify with its public key.</summary>
    CertificateRequestSignatureInvalid = 3007,

    /// <summary>The request is signed with a broken hash (SHA-1 or MD5).</summary>
    CertificateRequestWeakSignature = 3008,

    /// <summary>The request's key or signature algorithm is not supported (RSA and ECDSA P-256/P-384 only).</summary>
    CertificateRequestAlgorithmUnsupported = 3009,

    /// <summary>The request's RSA key is shorter than 2048 bits.</summary>
    CertificateRequestRsaKeyTooShort = 3010,

    /// <summary>The request's RSA public exponent is not 65537.</summary>
    CertificateRequestRsaExponentNotAllowed = 3011,

    /// <summary>The request's elliptic curve is not P-256 or P-384 (e.g. P-192, secp256k1, explicit parameters).</summary>
    CertificateRequestCurveNotAllowed = 3012,

    /// <summary>Renewal opens only a set number of days (30 by default) before the current certificate expires.</summary>
    CertificateRenewalNotOpen = 3013,

    /// <summary>A bank operation named a certificate (or a principal's current certificate) that does not exist.</summary>
    CertificateNotFound = 3014,

    /// <summary>The certificate is revoked already.</summary>
    CertificateAlreadyRevoked = 3015,

    /// <summary>The request's RSA key is neither 2048, 3072 nor 4096 bits long (e.g. 2049 or 8192).</summary>
    CertificateRequestRsaKeySizeNotAllowed = 3016,

    /// <summary>A one-time password or customer card answer had the wrong number of digits; not counted as a failure.</summary>
    OneTimePasswordLength = 4001,

    /// <summary>A bank operation named a hardware token serial number that is not in the inventory.</summary>
    HardwareTokenNotFound = 4101,

    /// <summary>The token cannot be registered: unknown serial number, retired, or registered to someone else.</summary>
    HardwareTokenUnavailable = 4102,

    /// <summary>The user has no hardware token registered.</summary>
    HardwareTokenNotRegistered = 4103,

    /// <summary>The two consecutive codes given for resynchronisation did not match the token.</summary>
    HardwareTokenResyncFailed = 4104,

    /// <summary>
    /// Token registration (P.15) refused: the serial number or the code is wrong. One answer for an
    /// unknown serial number, a token that is not in stock or is bound to another contract, and a wrong
    /// code, so the answer never tells which serial numbers exist. Counted per serial number and per contract.
    /// </summary>
    HardwareTokenRegistrationFailed = 4110,

    /// <summary>
    /// Token registration refused: wrong codes for this serial number reached the limit, so it can no
    /// longer be registered until the bank releases it (unknown serial numbers answer the same).
    /// </summary>
    HardwareTokenRegistrationBlocked = 4111,

    /// <summary>Token registration refused: the contract's wrong token registrations today reached the bank's daily limit.</summary>
    HardwareTokenRegistrationLimitReached = 4112,

    /// <summary>A bank operation released a token's registration block, but the token is not blocked.</summary>
    HardwareTokenNotBlocked = 4113,

    /// <summary>A bank operation can bind only a token in stock to a contract (it is registered or retired).</summary>
    HardwareTokenNotInStock = 4114,

    /// <summary>
    /// The one-time password is right but was used already (the token's last accepted time step or counter):
    /// wait for the token's next code. Not counted as a failure.
    /// </summary>
    OneTimePasswordReplayed = 4115,

    /// <summary>A PSKC file is not well-formed XML, holds a DTD or entity, or is not a PSKC 1.0 key container.</summary>
    PskcMalformed = 4201,

    /// <summary>A key package's MAC (ValueMAC) did not verify: the file was altered or the key is wrong.</summary>
    PskcMacInvalid = 4202,

    /// <summary>A PSKC file uses an algorithm (OTP, encryption, MAC or key derivation) the SDK does not support.</summary>
    PskcAlgorithmUnsupported = 4203,

    /// <summary>A PSKC file is encrypted, but no (or the wrong kind of) decryption key or password was given.</summary>
    PskcKeyRequired = 4204,

    /// <summary>A key package is incomplete or invalid (no serial number, no secret, bad parameters).</summary>
    PskcKeyPackageInvalid = 4205,

    /// <summary>A serial number appears twice in the file or is in the inventory already.</summary>
    PskcDuplicateSerialNumber = 4206,

    /// <summary>A PSKC file's key derives from a password (PBKDF2), but no password (or another kind of key) was given.</summary>
    PskcPasswordRequired = 4207,

    /// <summary>A PSKC file is encrypted to a certificate (RSA), but no private key (or another kind of key) was given.</summary>
    PskcPrivateKeyRequired = 4208,

    /// <summary>A PSKC file is in a pre-RFC 6030 draft layout (keys under Device, without KeyPackage).</summary>
    PskcDraftLayout = 4209,

    /// <summary>A PSKC file holds no key that can be imported (no key package, or every one was skipped).</summary>
    PskcNoImportableKey = 4210,

    /// <summary>The transaction confirmation is unknown, expired, used, or the transaction changed since review.</summary>
    TransactionConfirmationInvalid = 4301,

    /// <summary>A fee table is not ascending, not open-ended, has a negative fee, or a fee that falls as the amount rises.</summary>
    FeeScheduleInvalid = 5001,

    /// <summary>A transfer amount is not a whole number of yen between 1 and 9,999,999,999,999.</summary>
    TransferAmountInvalid = 5002,

    /// <summary>The payee-borne fee would leave nothing for the payee.</summary>
    TransferAmountBelowFee = 5003,

    /// <summary>A transfer exceeds a per-transfer limit (user and service, debit account or contract).</summary>
    TransferLimitExceeded = 5004,

    /// <summary>A transfer would take a daily total over its limit.</summary>
    DailyLimitExceeded = 5005,

    /// <summary>The user may not use the service: not granted to the user, or not enabled for the contract.</summary>
    ServiceNotPermitted = 5006,

    /// <summary>A grant names a service the contract has not applied for (Q2-6).</summary>
    ServiceNotContracted = 5007,

    /// <summary>A service id is not in the bank's catalogue.</summary>
    ServiceUnknown = 5008,

    /// <summary>A limit is not a whole number of yen between 1 and 9,999,999,999,999, or names a service not granted.</summary>
    TransferLimitInvalid = 5009,

    /// <summary>A debit account is malformed (branch 3 digits, account 7 digits) or listed twice.</summary>
    DebitAccountInvalid = 5010,

    /// <summary>The transfer names a debit account the contract has not registered.</summary>
    DebitAccountNotFound = 5011,

    /// <summary>The payee's bank, branch, account number or name is malformed.</summary>
    PayeeInvalid = 5012,

    /// <summary>The execution date is in the past or further ahead than allowed.</summary>
    ExecutionDateInvalid = 5013,

    /// <summary>No such transfer for this user.</summary>
    TransferNotFound = 5014,

    /// <summary>The transfer is not awaiting confirmation: not reviewed, or processed already (a replay).</summary>
    TransferNotConfirmable = 5015,

    /// <summary>The review's confirmation time has passed; review the transfer again.</summary>
    TransferReviewExpired = 5016,

    /// <summary>The transfer's details differ from what was reviewed; it can never be confirmed.</summary>
    TransferChangedAfterReview = 5017,

    /// <summary>The idempotency key names another transfer (different details), or is malformed.</summary>
    IdempotencyKeyReused = 5018,

    /// <summary>Only an authorised transfer scheduled for a later day can be cancelled.</summary>
    TransferNotCancellable = 5019,

    /// <summary>The bank's core system refused the transfer.</summary>
    TransferExecutionRefused = 5020,

    /// <summary>The 全銀パスワード is not 6 half-width digits.</summary>
    ZenginPasswordInvalid = 5021,

    /// <summary>The ファイルアクセスキー is not 1–32 half-width letters and digits.</summary>
    FileAccessKeyInvalid = 5022,
}
