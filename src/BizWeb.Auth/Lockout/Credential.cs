namespace BizWeb.Auth;

/// <summary>
/// The credentials of the <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §2 that count consecutive failures. The numbers are the manual's
/// circled numbers (① … ⑥); the token OTP has none.
/// </summary>
public enum Credential
{
    /// <summary>① ご契約先登録用暗証番号: the bank's 4-digit registration PIN. Contract level.</summary>
    RegistrationPin = 1,

    /// <summary>② the customer card (お客様カード) grid answer. Contract level.</summary>
    CustomerCard = 2,

    /// <summary>③ ご契約先暗証番号: the administrator's login PIN. Contract level.</summary>
    AdminLoginPin = 3,

    /// <summary>④ ご契約先確認暗証番号: the administrator's confirmation PIN. Contract level.</summary>
    AdminConfirmationPin = 4,

    /// <summary>⑤ 利用者暗証番号: a user's login PIN. User level.</summary>
    UserLoginPin = 5,

    /// <summary>⑥ 利用者確認暗証番号: a user's confirmation PIN. User level.</summary>
    UserConfirmationPin = 6,

    /// <summary>The one-time password shown on a user's hardware token. User level.</summary>
    HardwareToken = 7,
}
