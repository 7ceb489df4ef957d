namespace BizWeb.AspNetCore;

/// <summary>Names of the session scheme and its claims.</summary>
public static class BizWebAuthenticationDefaults
{
    /// <summary>The cookie scheme of signed-in administrators and users.</summary>
    public const string Scheme = "BizWeb.Session";

    /// <summary>The role claim value of an administrator (管理者).</summary>
    public const string AdministratorRole = "administrator";

    /// <summary>The role claim value of a user (利用者).</summary>
    public const string UserRole = "user";

    /// <summary>The claim with the contract id.</summary>
    public const string ContractClaim = "bizweb:contract";

    /// <summary>The claim with the user id (users only).</summary>
    public const string UserClaim = "bizweb:user";
}
