namespace BizWeb.SampleHost.Hosting;

/// <summary>The rate-limiter policy on every page and endpoint that takes a PIN or a one-time password.</summary>
internal static class CredentialRateLimit
{
    public const string Policy = "credentials";
}
