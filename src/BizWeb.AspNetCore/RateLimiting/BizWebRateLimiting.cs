using Microsoft.AspNetCore.Http;

namespace BizWeb.AspNetCore;

/// <summary>The rate-limiter policy of credential posts.</summary>
public static class BizWebRateLimiting
{
    /// <summary>
    /// The policy for every page and endpoint that takes a PIN, a one-time password, a card answer or a
    /// certificate request (<c>[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]</c> or
    /// <c>.RequireRateLimiting(…)</c>): every request that can carry one (any method but GET, HEAD,
    /// OPTIONS and TRACE: POST, PUT, PATCH, DELETE) limited per client (IPv4 address, IPv6 /64) and per
    /// contract (from the client certificate), answered 429 beyond. The SDK's lockout protects each
    /// credential; this slows one client spraying many of them, and the KDF work they cost. Reads
    /// (a page showing a form) are not limited.
    /// </summary>
    public const string CredentialPolicy = "BizWebCredentials";

    /// <summary>Whether a request of <paramref name="method"/> is counted: every method that can carry a credential.</summary>
    internal static bool Counts(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
}
