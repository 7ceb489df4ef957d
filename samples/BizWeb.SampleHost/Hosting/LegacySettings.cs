namespace BizWeb.SampleHost.Hosting;

/// <summary>
/// Settings the sample host once read under other names, now in the one tree (<c>BizWeb:…</c>). A
/// deployment that still has them stops at start with the new path, instead of silently running
/// without them (a new development CA, mail to the drop folder, no trusted proxy).
/// </summary>
internal static class LegacySettings
{
    private static readonly (string Old, string New)[] Moved =
    [
        ("CertificateAuthority", "BizWeb:CertificateAuthority"),
        ("Smtp", "BizWeb:Smtp"),
        ("SampleHost:TrustedProxies", "BizWeb:AspNetCore:TrustedProxies"),
        ("SampleHost:ClientCertificateHeader", "BizWeb:AspNetCore:ClientCertificateHeader"),
        ("SampleHost:IdleTimeout", "BizWeb:AspNetCore:IdleTimeout"),
        ("SampleHost:AbsoluteTimeout", "BizWeb:AspNetCore:AbsoluteTimeout"),
        ("SampleHost:CredentialRequestsPerMinute", "BizWeb:AspNetCore:CredentialPostsPerClientPerMinute"),
        ("SampleHost:DispatchInterval", "BizWeb:AspNetCore:DispatchInterval"),
    ];

    public static void Refuse(IConfiguration configuration)
    {
        var found = Moved.Where(m => configuration.GetSection(m.Old).Exists()).Select(m => $"'{m.Old}' is now '{m.New}'").ToList();
        if (found.Count > 0)
        {
            throw new InvalidOperationException("Settings moved into the BizWeb configuration tree: " + string.Join("; ", found) + ".");
        }
    }
}
