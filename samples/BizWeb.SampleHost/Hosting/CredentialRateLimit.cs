namespace BizWeb.SampleHost.Hosting;

/// <summary>The rate-limiter policy on every page and endpoint that takes a PIN, a one-time password or a certificate request.</summary>
internal static class CredentialRateLimit
{
    public const string Policy = "credentials";
}
