namespace BizWeb.AspNetCore;

/// <summary>The paths of the endpoints <c>MapBizWeb()</c> maps.</summary>
public static class BizWebEndpoints
{
    /// <summary>The CRL (its distribution point in issued certificates: set <c>BizWeb:CertificateAuthority:CrlDistributionPoint</c> to the site's URL of it).</summary>
    public const string CrlPath = "/crl/bizweb-ca.crl";

    /// <summary>The CA certificate, PEM.</summary>
    public const string CaCertificatePath = "/ca/bizweb-ca.pem";

    /// <summary>The certificate tool's enrollment API (a group of POST endpoints below it).</summary>
    public const string EnrollmentPath = "/api/enrollment";

    /// <summary>The health checks (status only: <c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>).</summary>
    public const string HealthPath = "/health";
}
