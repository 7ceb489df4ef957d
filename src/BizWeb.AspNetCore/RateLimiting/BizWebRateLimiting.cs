namespace BizWeb.AspNetCore;

/// <summary>The rate-limiter policy of credential posts.</summary>
public static class BizWebRateLimiting
{
    /// <summary>
    /// The policy for every page and endpoint that takes a PIN, a one-time password, a card answer or a
    /// certificate request (<c>[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]</c> or
    /// <c>.RequireRateLimiting(…)</c>): POSTs limited per client (IPv4 address, IPv6 /64) and per contract
    /// (from the client certificate), answered 429 beyond. The SDK's lockout protects each credential;
    /// this slows one client spraying many of them. Other methods are not limited.
    /// </summary>
    public const string CredentialPolicy = "BizWebCredentials";
}
