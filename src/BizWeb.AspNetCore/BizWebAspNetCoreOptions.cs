namespace BizWeb.AspNetCore;

/// <summary>
/// Options of the host layer (section <c>BizWeb:AspNetCore</c>), validated when the host starts.
/// </summary>
public sealed class BizWebAspNetCoreOptions
{
    /// <summary>The session cookie's name; a <c>__Host-</c> name (Secure, path <c>/</c>, no domain) is required.</summary>
    public string CookieName { get; set; } = "__Host-BizWeb.Session";

    /// <summary>A session without a request for this long ends (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A session ends this long after its sign-in, however active.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Where a browser whose session ended (or never began) is sent; requests that ask for JSON get 401 instead.</summary>
    public string SessionEndedPath { get; set; } = "/";

    /// <summary>
    /// Reverse proxies (IP addresses) that terminate TLS: only from them is the forwarded client
    /// certificate header honoured and <c>X-Forwarded-For</c> (one hop) taken as the client's address.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>The header a trusted proxy puts the client certificate in (PEM or Base64 DER, URL-encoded allowed).</summary>
    public string ClientCertificateHeader { get; set; } = "X-Client-Cert";

    /// <summary>Credential posts (PIN, OTP, card, certificate request) allowed per client (IPv4 address or IPv6 /64) and minute.</summary>
    public int CredentialPostsPerClientPerMinute { get; set; } = 30;

    /// <summary>Credential posts allowed per contract and minute, whatever the client (the contract from the client certificate or the session).</summary>
    public int CredentialPostsPerContractPerMinute { get; set; } = 60;

    /// <summary>How often the outbox dispatcher sends due security e-mails.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often certificate expiry reminders are looked for (when the certificate authority is registered).</summary>
    public TimeSpan ExpiryReminderInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Pending security e-mails above which the health check reports the outbox as degraded.</summary>
    public int OutboxBacklogLimit { get; set; } = 1000;
}
