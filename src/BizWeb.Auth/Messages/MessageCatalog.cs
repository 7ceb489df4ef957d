using System.Collections.Frozen;
using System.Globalization;

namespace BizWeb.Auth;

/// <summary>
/// The one place that holds every error and warning of the SDK with its Japanese and English text.
/// Japanese texts quoted in the <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> are reproduced byte for byte (full-width <c>ＩＤ</c>, <c>、</c>,
/// <c>。</c>); the others are written in the manual's polite register. Texts with <c>{0}</c>-style
/// placeholders are templates that the SDK fills with numbers only, never with input.
/// </summary>
public static class MessageCatalog
{
    private static readonly FrozenDictionary<MessageCode, BizWebMessage> Messages = Build().ToFrozenDictionary(m => m.Code);

    /// <summary>Every message of the catalogue, templates unfilled.</summary>
    public static IReadOnlyCollection<BizWebMessage> All => Messages.Values;

    /// <summary>The message for <paramref name="code"/> (a template if the text has placeholders).</summary>
    /// <param name="code">A code of <see cref="MessageCode"/>.</param>
    /// <returns>The catalogue entry.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The code is not a defined <see cref="MessageCode"/>.</exception>
    public static BizWebMessage Get(MessageCode code) =>
        Messages.TryGetValue(code, out var message)
            ? message
            : throw new ArgumentOutOfRangeException(nameof(code), code, "Not a defined message code.");

    /// <summary>Fills a template's placeholders with numbers (never with input or secrets).</summary>
    internal static BizWebMessage Format(MessageCode code, int arg0, int arg1)
    {
        var template = Get(code);
        return new BizWebMessage(
            code,
            template.Severity,
            string.Format(CultureInfo.InvariantCulture, template.Ja, arg0, arg1),
            string.Format(CultureInfo.InvariantCulture, template.En, arg0, arg1));
    }

    private static IEnumerable<BizWebMessage> Build()
    {
        const MessageSeverity E = MessageSeverity.Error;
        const string HalfWidthJa = "全角文字や空白は使用できません。";

        // Identifiers (SPEC.md §2). The manual gives no texts for these; same register as its messages.
        yield return new(MessageCode.ContractIdRequired, E,
            "契約者ＩＤ（利用者番号）を入力してください。",
            "Enter the contract ID.");
        yield return new(MessageCode.ContractIdNotHalfWidth, E,
            "契約者ＩＤ（利用者番号）は半角数字で入力してください。" + HalfWidthJa,
            "Enter the contract ID in half-width digits. Full-width characters and spaces cannot be used.");
        yield return new(MessageCode.ContractIdDigitsOnly, E,
            "契約者ＩＤ（利用者番号）は数字のみで入力してください。",
            "The contract ID consists of digits only.");
        yield return new(MessageCode.ContractIdLength, E,
            "契約者ＩＤ（利用者番号）は11桁の半角数字で入力してください。",
            "The contract ID is 11 half-width digits.");
        yield return new(MessageCode.ContractIdAlreadyExists, E,
            "入力された契約者ＩＤ（利用者番号）はすでに登録されています。",
            "A contract with this contract ID exists already.");
        yield return new(MessageCode.ContractNotFound, E,
            "指定された契約者ＩＤ（利用者番号）は登録されていません。",
            "No contract has this contract ID.");

        yield return new(MessageCode.UserIdRequired, E,
            "利用者ＩＤを入力してください。",
            "Enter the user ID.");
        yield return new(MessageCode.UserIdNotHalfWidth, E,
            "利用者ＩＤは半角英数字で入力してください。" + HalfWidthJa,
            "Enter the user ID in half-width letters and digits. Full-width characters and spaces cannot be used.");
        yield return new(MessageCode.UserIdAlphanumericOnly, E,
            "利用者ＩＤは英字と数字のみで入力してください。記号は使用できません。",
            "The user ID consists of letters and digits only; symbols cannot be used.");
        yield return new(MessageCode.UserIdTooLong, E,
            "利用者ＩＤは1桁～30桁の半角英数字で設定してください。（大文字・小文字の識別あり）",
            "The user ID is 1 to 30 half-width letters and digits (case-sensitive).");
        yield return new(MessageCode.UserIdAlreadyUsed, E,
            "入力された利用者ＩＤはすでに使用されています。",
            "The user ID you entered is already in use.");
        yield return new(MessageCode.UserLimitReached, E,
            "登録できる利用者数の上限（{0}名）に達しているため、登録できません。",
            "The contract already has the maximum number of users ({0}).");
        yield return new(MessageCode.UserNotFound, E,
            "指定された利用者は登録されていません。",
            "No such user is registered.");
        yield return new(MessageCode.UserNameKanaRequired, E,
            "利用者名（カナ）を入力してください。",
            "Enter the user's name in kana.");
        yield return new(MessageCode.UserNameTooLong, E,
            "利用者名は{0}文字以内で入力してください。",
            "The user's name may have at most {0} characters.");
        yield return new(MessageCode.UserNameInvalidCharacters, E,
            "利用者名に使用できない文字（制御文字・書式制御文字）が含まれています。",
            "The user's name contains characters that are not allowed (control or formatting characters).");

        yield return new(MessageCode.BankCodeRequired, E,
            "金融機関コードを入力してください。",
            "Enter the bank code.");
        yield return new(MessageCode.BankCodeNotHalfWidth, E,
            "金融機関コードは半角数字で入力してください。" + HalfWidthJa,
            "Enter the bank code in half-width digits. Full-width characters and spaces cannot be used.");
        yield return new(MessageCode.BankCodeDigitsOnly, E,
            "金融機関コードは数字のみで入力してください。",
            "The bank code consists of digits only.");
        yield return new(MessageCode.BankCodeLength, E,
            "金融機関コードは4桁の半角数字で入力してください。",
            "The bank code is 4 half-width digits.");

        yield return new(MessageCode.RegistrationPinRequired, E,
            "ご契約先登録用暗証番号を入力してください。",
            "Enter the registration PIN.");
        yield return new(MessageCode.RegistrationPinNotHalfWidth, E,
            "ご契約先登録用暗証番号は半角数字で入力してください。" + HalfWidthJa,
            "Enter the registration PIN in half-width digits. Full-width characters and spaces cannot be used.");
        yield return new(MessageCode.RegistrationPinDigitsOnly, E,
            "ご契約先登録用暗証番号は数字のみで入力してください。",
            "The registration PIN consists of digits only.");
        yield return new(MessageCode.RegistrationPinLength, E,
            "ご契約先登録用暗証番号は申込書に記入された4桁の半角数字で入力してください。",
            "The registration PIN is the 4 half-width digits written on the application form.");

        // PIN systems (SPEC.md §3). PinLength is a template filled with the policy's bounds (Q1-2 wording).
        yield return new(MessageCode.PinRequired, E,
            "暗証番号を入力してください。",
            "Enter the PIN.");
        yield return new(MessageCode.PinNotHalfWidth, E,
            "暗証番号は半角英数字で入力してください。" + HalfWidthJa,
            "Enter the PIN in half-width letters and digits. Full-width characters and spaces cannot be used.");
        yield return new(MessageCode.PinAlphanumericOnly, E,
            "暗証番号は英字と数字のみで設定してください。記号は使用できません。",
            "The PIN consists of letters and digits only; symbols cannot be used.");
        yield return new(MessageCode.PinLength, E,
            "暗証番号は{0}桁～{1}桁の半角英数字で設定してください。（大文字・小文字の識別あり）",
            "The PIN is {0} to {1} half-width letters and digits (case-sensitive).");
        yield return new(MessageCode.PinRequiresLetter, E,
            "暗証番号には英字を1文字以上含めてください。（数字と英字の組み合わせが必須です）",
            "The PIN must contain at least one letter (letters and digits must be combined).");
        yield return new(MessageCode.PinRequiresDigit, E,
            "暗証番号には数字を1文字以上含めてください。（数字と英字の組み合わせが必須です）",
            "The PIN must contain at least one digit (letters and digits must be combined).");
        yield return new(MessageCode.PinDigitsOnly, E,
            "暗証番号は数字のみで設定してください。",
            "The PIN consists of digits only.");
        yield return new(MessageCode.PinSameAsTemporary, E,
            "新しい暗証番号には、仮の暗証番号と異なる暗証番号を設定してください。",
            "The new PIN must differ from the temporary PIN.");
        yield return new(MessageCode.PinReused, MessageSeverity.Warning,
            "同一の暗証番号でも登録できますが、セキュリティ上、別の暗証番号を設定することをお勧めいたします。",
            "The same PIN can be registered, but for security we recommend a different PIN for each purpose.");
        yield return new(MessageCode.EmailInvalid, E,
            "Eメールアドレスの形式に誤りがあります。半角で正しく入力してください。",
            "The e-mail address is not valid. Enter it in half-width characters.");

        // Sign-in and lockout (SPEC.md §5): the manual's texts.
        yield return new(MessageCode.AdminSignInFailed, E,
            "ご契約先ＩＤ、ご契約先暗証番号の入力に誤りがあるため、ご契約先の認証ができません。ご確認のうえ、ブラウザの戻るボタンで入力画面に戻り、再度入力願います。",
            "The contract ID or the contract PIN is incorrect, so the contract cannot be authenticated. Please check them, go back to the input screen with the browser's back button and enter them again.");
        yield return new(MessageCode.AdminLocked, E,
            "誤ったご契約先暗証番号を繰り返し入力されたため、サービスをご利用できなくなりました。お問合せ窓口までご連絡ください。",
            "An incorrect contract PIN was entered repeatedly, so the service can no longer be used. Please contact the help desk.");
        yield return new(MessageCode.UserSignInFailed, E,
            "ご契約先ＩＤ、利用者ＩＤまたは利用者暗証番号の入力に誤りがあるため、ご利用者の認証ができません。ご確認のうえ、ブラウザの戻るボタンで入力画面に戻り、再度入力願います。",
            "The contract ID, user ID or user PIN is incorrect, so the user cannot be authenticated. Please check them, go back to the input screen with the browser's back button and enter them again.");
        yield return new(MessageCode.UserLocked, E,
            "誤った利用者暗証番号を繰り返し入力されたため、サービスをご利用できなくなりました。管理者の方にお問合せください。",
            "An incorrect user PIN was entered repeatedly, so the service can no longer be used. Please contact your administrator.");
        yield return new(MessageCode.OneTimePasswordIncorrect, E,
            "ワンタイムパスワードの入力に誤りがあります。ご確認のうえ、再度入力願います。",
            "The one-time password is incorrect. Please check it and enter it again.");
        yield return new(MessageCode.ConfirmationPinIncorrect, E,
            "確認暗証番号の入力に誤りがあります。ご確認のうえ、再度入力願います。",
            "The confirmation PIN is incorrect. Please check it and enter it again.");
        yield return new(MessageCode.CurrentPinIncorrect, E,
            "現在の暗証番号の入力に誤りがあります。ご確認のうえ、再度入力願います。",
            "The current PIN is incorrect. Please check it and enter it again.");
        yield return new(MessageCode.AccidentRegistered, E,
            "事故登録されているため、サービスをご利用できません。お問合せ窓口までご連絡ください。",
            "An accident is registered, so the service cannot be used. Please contact the help desk.");
        yield return new(MessageCode.UserSuspended, E,
            "利用中止となっているため、サービスをご利用できません。管理者の方にお問合せください。",
            "This user is suspended and cannot use the service. Please ask your administrator.");
        yield return new(MessageCode.ContractNotActive, E,
            "ご契約先の開通確認が完了していないか、サービスが停止されているため、ご利用できません。管理者の方にお問合せください。",
            "The contract is not activated or is stopped, so the service cannot be used. Please ask your administrator.");
        yield return new(MessageCode.OneTimePasswordMalformed, E,
            "ワンタイムパスワードは半角数字で入力してください。",
            "Enter the one-time password in half-width digits.");
        yield return new(MessageCode.SecondFactorNotRegistered, E,
            "お客様カードまたはトークンが登録されていないため、お手続きできません。お問合せ窓口までご連絡ください。",
            "No customer card or token is registered, so this step cannot be taken. Please contact the help desk.");
        yield return new(MessageCode.ActivationRequired, E,
            "利用者開通確認が完了していません。利用者開通確認を行ってください。",
            "User activation has not been completed. Please complete the user activation first.");

        // Activation (SPEC.md §4): the manual's text.
        yield return new(MessageCode.ActivationInterrupted, E,
            "開通確認処理が途中で中断されたため、開通確認ができません。しばらくお待ちいただいてから、再度開通確認を行ってください。",
            "Activation cannot proceed because an earlier activation was interrupted. Please wait a while, then start the activation again.");
        yield return new(MessageCode.FlowExpired, E,
            "お手続きの有効期限が切れたか、操作の順序に誤りがあります。最初からやり直してください。",
            "This procedure expired or its steps were taken out of order. Please start again.");
        yield return new(MessageCode.AlreadyActivated, E,
            "開通確認はすでに完了しています。",
            "Activation has been completed already.");
        yield return new(MessageCode.InvalidState, E,
            "現在の状態ではこの操作はできません。",
            "This operation is not possible in the current state.");
        yield return new(MessageCode.ConcurrencyConflict, E,
            "他の操作と重なったため、処理できませんでした。再度操作してください。",
            "Another operation changed the same data at the same time; nothing was saved. Please try again.");
        yield return new(MessageCode.EnrollmentAttemptsExceeded, E,
            "このご契約先の電子証明書取得のお手続きが短時間に集中したため、受け付けできません。しばらくしてから再度お試しください。",
            "Too many certificate requests were made for this contract in a short time. Please try again later.");
        yield return new(MessageCode.CredentialBusy, E,
            "ただいま同じ暗証番号等の確認が重なっているため、処理できませんでした。しばらくしてから再度入力願います。",
            "Other sign-in attempts for the same credential are being checked right now; this one was not checked. Please try again in a moment.");
        yield return new(MessageCode.ServiceBusy, E,
            "ただいま混み合っています。しばらくしてから再度お試しください。",
            "The service is busy right now; nothing was checked or counted. Please try again later.");
        yield return new(MessageCode.SessionEnded, E,
            "ログイン後に利用状態が変更されたため、処理できませんでした。再度ログインしてください。",
            "Your sign-in is no longer valid (the account, its PINs or its certificate changed since you signed in). Please sign in again.");

        // Certificates (SPEC.md §7).
        yield return new(MessageCode.CertificateCommonNameInvalid, E,
            "電子証明書の利用者情報が正しくありません。",
            "The certificate's common name is not a valid contract or user name.");
        yield return new(MessageCode.CertificateCommonNameWrongBank, E,
            "当金庫が発行した電子証明書ではありません。",
            "The certificate's common name belongs to another bank.");
        yield return new(MessageCode.CertificateNotAccepted, E,
            "電子証明書が確認できないため、ログインできません。有効な電子証明書を選択してください。",
            "The client certificate was not accepted. Please select a valid certificate.");
        yield return new(MessageCode.CertificateNotPermitted, E,
            "電子証明書の発行対象ではありません。管理者の方にお問合せください。",
            "No certificate is to be issued to this user. Please ask your administrator.");
        yield return new(MessageCode.EnrollmentTicketInvalid, E,
            "電子証明書取得の有効期限が切れています。最初からやり直してください。",
            "The certificate enrollment expired or was used already. Please start again.");

        // Certificate requests and the CA's operations (issue 6).
        yield return new(MessageCode.CertificateRequestMalformed, E,
            "電子証明書の発行要求（CSR）の形式が正しくありません。証明書取得ツールで作成し直してください。",
            "The certificate signing request (CSR) could not be read. Please create it again with the certificate tool.");
        yield return new(MessageCode.CertificateRequestSignatureInvalid, E,
            "電子証明書の発行要求（CSR）の署名が正しくありません。証明書取得ツールで作成し直してください。",
            "The signature of the certificate signing request does not verify. Please create it again with the certificate tool.");
        yield return new(MessageCode.CertificateRequestWeakSignature, E,
            "電子証明書の発行要求（CSR）の署名方式（SHA-1、MD5）はご利用いただけません。SHA-256以上で作成してください。",
            "The certificate signing request is signed with SHA-1 or MD5, which is not accepted. Please sign it with SHA-256 or stronger.");
        yield return new(MessageCode.CertificateRequestAlgorithmUnsupported, E,
            "電子証明書の発行要求（CSR）の鍵または署名の方式はご利用いただけません。RSAまたはECDSA（P-256、P-384）の鍵で作成してください。",
            "The key or signature algorithm of the certificate signing request is not supported. Please use an RSA or ECDSA (P-256, P-384) key.");
        yield return new(MessageCode.CertificateRequestRsaKeyTooShort, E,
            "電子証明書の発行要求（CSR）のRSA鍵が短すぎます。2048ビット以上の鍵で作成してください。",
            "The RSA key of the certificate signing request is too short. Please use a key of 2048 bits or more.");
        yield return new(MessageCode.CertificateRequestRsaExponentNotAllowed, E,
            "電子証明書の発行要求（CSR）のRSA鍵の公開指数はご利用いただけません。公開指数65537の鍵で作成してください。",
            "The public exponent of the RSA key is not accepted. Please use a key with exponent 65537.");
        yield return new(MessageCode.CertificateRequestCurveNotAllowed, E,
            "電子証明書の発行要求（CSR）の楕円曲線はご利用いただけません。P-256またはP-384の鍵で作成してください。",
            "The elliptic curve of the key is not accepted. Please use a P-256 or P-384 key.");
        yield return new(MessageCode.CertificateRenewalNotOpen, E,
            "電子証明書の更新期間ではありません。有効期限が近づいてから更新してください。",
            "The certificate cannot be renewed yet. Please renew it when its expiry approaches.");
        yield return new(MessageCode.CertificateNotFound, E,
            "該当する電子証明書はありません。",
            "No such certificate.");
        yield return new(MessageCode.CertificateAlreadyRevoked, E,
            "該当する電子証明書はすでに失効しています。",
            "The certificate is revoked already.");
        yield return new(MessageCode.CertificateRequestRsaKeySizeNotAllowed, E,
            "電子証明書の発行要求（CSR）のRSA鍵の長さはご利用いただけません。2048、3072または4096ビットの鍵で作成してください。",
            "The length of the RSA key is not accepted. Please use a key of 2048, 3072 or 4096 bits.");

        // Tokens (BizWeb.Tokens): customer card, hardware tokens, PSKC import, transaction confirmation.
        yield return new(MessageCode.OneTimePasswordLength, E,
            "ワンタイムパスワードの桁数に誤りがあります。ご確認のうえ、半角数字で再度入力願います。",
            "The one-time password has the wrong number of digits. Please check it and enter it again in half-width digits.");
        yield return new(MessageCode.HardwareTokenNotFound, E,
            "指定されたシリアル番号のハードウェアトークンは登録されていません。",
            "No hardware token with this serial number is in the inventory.");
        yield return new(MessageCode.HardwareTokenUnavailable, E,
            "入力されたシリアル番号のハードウェアトークンは登録できません。シリアル番号をご確認ください。",
            "The hardware token with this serial number cannot be registered. Please check the serial number.");
        yield return new(MessageCode.HardwareTokenNotRegistered, E,
            "ハードウェアトークンが登録されていません。管理者の方にお問合せください。",
            "No hardware token is registered. Please ask your administrator.");
        yield return new(MessageCode.HardwareTokenResyncFailed, E,
            "ハードウェアトークンの同期ができませんでした。連続して表示された2つのワンタイムパスワードをご確認のうえ、再度入力願います。",
            "The hardware token could not be resynchronised. Please check the two consecutive one-time passwords and enter them again.");
        yield return new(MessageCode.HardwareTokenRegistrationFailed, E,
            "シリアル番号またはワンタイムパスワードの入力に誤りがあるため、トークンを登録できません。ご確認のうえ、再度入力願います。",
            "The serial number or the one-time password is incorrect, so the token cannot be registered. Please check them and enter them again.");
        yield return new(MessageCode.HardwareTokenRegistrationBlocked, E,
            "誤ったワンタイムパスワードを繰り返し入力されたため、このシリアル番号のトークンは登録できなくなりました。お問合せ窓口までご連絡ください。",
            "An incorrect one-time password was entered repeatedly, so the token with this serial number can no longer be registered. Please contact the help desk.");
        yield return new(MessageCode.HardwareTokenRegistrationLimitReached, E,
            "本日はトークン登録の誤りが規定の回数に達したため、トークンを登録できません。翌日以降に再度お手続きください。",
            "Incorrect token registrations today reached the limit, so no token can be registered today. Please try again tomorrow or later.");
        yield return new(MessageCode.HardwareTokenNotBlocked, E,
            "指定されたシリアル番号のハードウェアトークンは登録停止されていません。",
            "The hardware token with this serial number is not blocked for registration.");
        yield return new(MessageCode.HardwareTokenNotInStock, E,
            "指定されたシリアル番号のハードウェアトークンは在庫にないため、契約先を指定できません。",
            "The hardware token with this serial number is not in stock, so it cannot be bound to a contract.");
        yield return new(MessageCode.OneTimePasswordReplayed, E,
            "このワンタイムパスワードはすでに使用されています。トークンに次のワンタイムパスワードが表示されてから、再度入力願います。",
            "This one-time password has already been used. Please wait until the token shows the next one-time password, then enter that one.");
        yield return new(MessageCode.PskcMalformed, E,
            "トークン情報ファイルの形式に誤りがあるため、取り込めませんでした。",
            "The token file is not a well-formed PSKC key container (DTDs and entities are not allowed); nothing was imported.");
        yield return new(MessageCode.PskcMacInvalid, E,
            "トークン情報ファイルの改ざん検知コードが一致しないため、取り込めませんでした。",
            "A key package's MAC did not verify (altered file or wrong key); nothing was imported.");
        yield return new(MessageCode.PskcAlgorithmUnsupported, E,
            "トークン情報ファイルに対応していない方式が含まれているため、取り込めませんでした。",
            "The token file uses an algorithm that is not supported; that key (with all or nothing, the file) was not imported.");
        yield return new(MessageCode.PskcKeyRequired, E,
            "トークン情報ファイルは暗号化されていますが、復号する鍵またはパスワードが指定されていないため、取り込めませんでした。",
            "The token file needs a decryption key or password that was not given; nothing was imported.");
        yield return new(MessageCode.PskcKeyPackageInvalid, E,
            "トークン情報ファイルの鍵情報に不足または誤りがあるため、取り込めませんでした。",
            "A key package is incomplete or invalid; it (with all or nothing, the file) was not imported.");
        yield return new(MessageCode.PskcDuplicateSerialNumber, E,
            "トークン情報ファイルに登録済みまたは重複したシリアル番号が含まれているため、取り込めませんでした。",
            "A serial number is duplicated in the file or already in the inventory; that key (with all or nothing, the file) was not imported.");
        yield return new(MessageCode.PskcPasswordRequired, E,
            "トークン情報ファイルはパスワードから導出した鍵で暗号化されています。事前共有鍵ではなく、パスワードを指定してください。",
            "The token file is encrypted with a key derived from a password (PBKDF2); give the password, not a pre-shared key. Nothing was imported.");
        yield return new(MessageCode.PskcPrivateKeyRequired, E,
            "トークン情報ファイルは証明書あてに暗号化されています。事前共有鍵やパスワードではなく、証明書の秘密鍵を指定してください。",
            "The token file is encrypted to a certificate; give the certificate's private key, not a pre-shared key or password. Nothing was imported.");
        yield return new(MessageCode.PskcDraftLayout, E,
            "トークン情報ファイルは旧形式（RFC 6030 以前の草案）のため、取り込めませんでした。RFC 6030 形式のファイルをトークンの提供元に依頼してください。",
            "The token file uses a pre-RFC 6030 draft layout (keys under Device, without KeyPackage); ask the vendor for an RFC 6030 file. Nothing was imported.");
        yield return new(MessageCode.PskcNoImportableKey, E,
            "トークン情報ファイルに取り込める鍵が含まれていないため、何も取り込みませんでした。",
            "The token file holds no key that can be imported; nothing was imported.");
        yield return new(MessageCode.TransactionConfirmationInvalid, E,
            "お取引の確認の有効期限が切れたか、お取引の内容が変更されたため、確認できません。最初からやり直してください。",
            "The confirmation expired, was used, or the transaction changed after review. Please start again.");

        // Transactions (SPEC.md §4 "Transaction", "Optional settings").
        yield return new(MessageCode.FeeScheduleInvalid, E,
            "振込手数料の設定に誤りがあります。金額帯は昇順で、手数料は金額が大きくなるほど下がらないように設定してください。",
            "The fee table is not valid: bands must ascend, end open-ended, and fees must not fall as the amount rises.");
        yield return new(MessageCode.TransferAmountInvalid, E,
            "振込金額は1円以上、半角数字で入力してください。",
            "Enter a transfer amount of at least 1 yen in half-width digits.");
        yield return new(MessageCode.TransferAmountBelowFee, E,
            "振込金額が先方負担手数料以下のため、お振込みできません。",
            "The amount does not exceed the payee-borne fee, so it cannot be sent.");
        yield return new(MessageCode.TransferLimitExceeded, E,
            "1回あたりの限度額を超えているため、お取引できません。",
            "The amount exceeds a per-transfer limit.");
        yield return new(MessageCode.DailyLimitExceeded, E,
            "1日あたりの限度額を超えるため、お取引できません。",
            "The amount would exceed a daily limit.");
        yield return new(MessageCode.ServiceNotPermitted, E,
            "このサービスをご利用いただく権限がありません。管理者の方にお問合せください。",
            "You are not permitted to use this service. Please ask your administrator.");
        yield return new(MessageCode.ServiceNotContracted, E,
            "お申込みのない取引サービスのため、権限を設定できません。当金庫までお問合せください。",
            "The contract has not applied for this service, so it cannot be granted. Please contact the bank.");
        yield return new(MessageCode.ServiceUnknown, E,
            "指定された取引サービスは取り扱っておりません。",
            "The service is not in the bank's catalogue.");
        yield return new(MessageCode.TransferLimitInvalid, E,
            "限度額は1円以上の半角数字で、権限のあるサービスについて設定してください。",
            "Limits must be at least 1 yen and set only for granted services.");
        yield return new(MessageCode.DebitAccountInvalid, E,
            "ご契約先口座情報の入力に誤りがあります。店番は3桁、口座番号は7桁の半角数字で、重複しないように入力してください。",
            "A debit account is not valid: a 3-digit branch, a 7-digit account number, and no duplicates.");
        yield return new(MessageCode.DebitAccountNotFound, E,
            "指定された支払口座はご契約先口座として登録されていません。",
            "The debit account is not registered for the contract.");
        yield return new(MessageCode.PayeeInvalid, E,
            "振込先の入力に誤りがあります。金融機関コードは4桁、支店コードは3桁、口座番号は7桁の半角数字、受取人名は30文字以内の半角カナで入力してください。",
            "The payee is not valid: 4-digit bank, 3-digit branch, 7-digit account number, and a name of up to 30 half-width kana.");
        yield return new(MessageCode.ExecutionDateInvalid, E,
            "振込指定日は本日から指定可能な期間内の日付を入力してください。",
            "The execution date must be today or a later day within the allowed period.");
        yield return new(MessageCode.TransferNotFound, E,
            "指定されたお取引が見つかりません。",
            "The transfer was not found.");
        yield return new(MessageCode.TransferNotConfirmable, E,
            "このお取引はすでに処理されているか、確認画面を経ていないため、実行できません。",
            "The transfer was processed already or has not been reviewed, so it cannot be confirmed.");
        yield return new(MessageCode.TransferReviewExpired, E,
            "確認画面の有効期限が切れたため、お取引を実行できません。もう一度確認画面から操作してください。",
            "The review has expired. Please review the transfer again.");
        yield return new(MessageCode.TransferChangedAfterReview, E,
            "確認画面の表示後にお取引の内容が変更されたため、実行できません。最初からやり直してください。",
            "The transfer changed after review, so it cannot be confirmed. Please start again.");
        yield return new(MessageCode.IdempotencyKeyReused, E,
            "同じお取引がすでに受け付けられています。内容を変更する場合は、最初からやり直してください。",
            "This entry was already used for another transfer. Please start a new entry.");
        yield return new(MessageCode.TransferNotCancellable, E,
            "このお取引は取消できません。取消できるのは、振込指定日が翌日以降の予約中のお取引のみです。",
            "Only a scheduled transfer whose execution date has not come can be cancelled.");
        yield return new(MessageCode.TransferExecutionRefused, E,
            "お取引を受け付けることができませんでした。お問合せ窓口までご連絡ください。",
            "The bank could not accept the transfer. Please contact the help desk.");
        yield return new(MessageCode.ZenginPasswordInvalid, E,
            "全銀パスワードは6桁の半角数字で入力してください。",
            "The Zengin password must be 6 half-width digits.");
        yield return new(MessageCode.IdempotencyKeyInvalid, E,
            "処理の識別子が正しくありません。画面を開き直してから、再度操作してください。",
            "The request's idempotency key is invalid. Please open the screen again and retry.");
        yield return new(MessageCode.FileAccessKeyInvalid, E,
            "ファイルアクセスキーは32文字以内の半角英数字で入力してください。",
            "The file access key must be up to 32 half-width letters and digits.");
    }
}
