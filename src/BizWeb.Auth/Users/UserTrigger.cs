namespace BizWeb.Auth;

/// <summary>What moves a user from one <see cref="UserState"/> to another.</summary>
public enum UserTrigger
{
    /// <summary>The user completed 利用者開通確認.</summary>
    Activated = 0,

    /// <summary>A user credential locked (either lockout mode).</summary>
    Suspended = 1,

    /// <summary>利用中止解除 by the administrator, or an unlock by the bank.</summary>
    Released = 2,

    /// <summary>利用者情報登録抹消 by the administrator.</summary>
    Deleted = 3,
}
