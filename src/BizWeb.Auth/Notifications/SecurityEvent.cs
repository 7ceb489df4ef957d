namespace BizWeb.Auth;

/// <summary>
/// The 21 events of the <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §6 that send a security e-mail, plus the two certificate-expiry reminders and the three
/// certificate-issued notices (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §9). Values 1xx go to the administrator, 2xx to the user concerned.
/// </summary>
public enum SecurityEvent
{
    /// <summary>管理者開通確認.</summary>
    AdminActivated = 101,

    /// <summary>管理者暗証番号ロック.</summary>
    AdminPinLocked = 102,

    /// <summary>管理者暗証番号変更.</summary>
    AdminLoginPinChanged = 103,

    /// <summary>管理者確認暗証番号変更.</summary>
    AdminConfirmationPinChanged = 104,

    /// <summary>管理者Eメールアドレス変更.</summary>
    AdminEmailChanged = 105,

    /// <summary>利用者情報登録.</summary>
    UserRegistered = 106,

    /// <summary>利用者情報変更.</summary>
    UserChanged = 107,

    /// <summary>利用者情報登録抹消.</summary>
    UserDeleted = 108,

    /// <summary>事故登録.</summary>
    AccidentRegistered = 109,

    /// <summary>事故登録解除.</summary>
    AccidentCleared = 110,

    /// <summary>暗証番号ロック解除.</summary>
    PinLockReleased = 111,

    /// <summary>契約口座情報変更.</summary>
    AccountInfoChanged = 112,

    /// <summary>ファイル伝送契約情報変更.</summary>
    FileTransferInfoChanged = 113,

    /// <summary>契約法人限度額変更.</summary>
    ContractLimitChanged = 114,

    /// <summary>手数料登録.</summary>
    FeeRegistered = 115,

    /// <summary>管理者電子証明書有効期限のお知らせ: the administrator's certificate expires soon (an addition to the <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §6).</summary>
    AdminCertificateExpiring = 116,

    /// <summary>管理者電子証明書発行: a certificate was issued to the administrator (the previous one, if any, is superseded; <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §9).</summary>
    AdminCertificateIssued = 117,

    /// <summary>利用者電子証明書発行, to the administrator: a certificate was issued to a user of the contract (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §9).</summary>
    UserCertificateIssuedToAdmin = 118,

    /// <summary>利用者開通確認.</summary>
    UserActivated = 201,

    /// <summary>利用者暗証番号ロック.</summary>
    UserPinLocked = 202,

    /// <summary>利用者暗証番号変更.</summary>
    UserLoginPinChanged = 203,

    /// <summary>利用者確認暗証番号変更.</summary>
    UserConfirmationPinChanged = 204,

    /// <summary>利用者Eメールアドレス変更.</summary>
    UserEmailChanged = 205,

    /// <summary>資金移動先予約取消.</summary>
    ScheduledTransferCancelled = 206,

    /// <summary>利用者電子証明書有効期限のお知らせ: the user's certificate expires soon (an addition to the <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §6).</summary>
    UserCertificateExpiring = 207,

    /// <summary>利用者電子証明書発行: a certificate was issued to the user (the previous one, if any, is superseded; <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §9).</summary>
    UserCertificateIssued = 208,
}
