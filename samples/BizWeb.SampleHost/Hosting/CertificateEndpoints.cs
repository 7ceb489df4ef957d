using BizWeb.Certificates;

namespace BizWeb.SampleHost.Hosting;

/// <summary>The CA's public material on the customer site: the CRL at its distribution point, and the CA certificate.</summary>
internal static class CertificateEndpoints
{
    public static void MapCertificateEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/crl/bizweb-ca.crl", async (CertificateAuthority ca, HttpContext http) =>
        {
            var crl = await ca.GetCertificateRevocationListAsync(http.RequestAborted);
            return Results.File(crl.RawData, "application/pkix-crl", "bizweb-ca.crl");
        });
        app.MapGet("/ca/bizweb-ca.pem", async (CertificateAuthority ca, HttpContext http) =>
        {
            using var certificate = await ca.GetAuthorityCertificateAsync(http.RequestAborted);
            return Results.Text(certificate.ExportCertificatePem(), "application/x-pem-file");
        });
    }
}
