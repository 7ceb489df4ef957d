namespace BizWeb.AspNetCore;

/// <summary>The authorization policies <c>AddAspNetCore()</c> registers.</summary>
public static class BizWebPolicies
{
    /// <summary>A signed-in administrator (管理者) whose session the SDK validated on this request.</summary>
    public const string Administrator = "BizWebAdministrator";

    /// <summary>A signed-in user (利用者) whose session the SDK validated on this request.</summary>
    public const string User = "BizWebUser";

    internal const string ServicePrefix = "BizWebService:";

    /// <summary>
    /// A signed-in user granted <paramref name="serviceId"/> (利用者権限設定), e.g. <c>Transfers</c>. The
    /// grant is the one the session validation read on this request; the SDK's verbs check it again.
    /// </summary>
    /// <param name="serviceId">The service's id in the bank's catalogue.</param>
    /// <returns>The policy name.</returns>
    public static string Service(string serviceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        return ServicePrefix + serviceId;
    }
}
