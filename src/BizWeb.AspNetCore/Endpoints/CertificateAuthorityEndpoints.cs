using BizWeb.Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace BizWeb.AspNetCore;

/// <summary>The CA's public material: the CRL at its distribution point, and the CA certificate.</summary>
internal static class CertificateAuthorityEndpoints
{
    public static RouteGroupBuilder Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).AllowAnonymous();
        group.MapGet(BizWebEndpoints.CrlPath, async ([FromServices] CertificateAuthority ca, HttpContext http) =>
        {
            var crl = await ca.GetCertificateRevocationListAsync(http.RequestAborted).ConfigureAwait(false);
            return Results.File(crl.RawData, "application/pkix-crl", "bizweb-ca.crl");
        });
        group.MapGet(BizWebEndpoints.CaCertificatePath, async ([FromServices] CertificateAuthority ca, HttpContext http) =>
        {
            using var certificate = await ca.GetAuthorityCertificateAsync(http.RequestAborted).ConfigureAwait(false);
            return Results.Text(certificate.ExportCertificatePem(), "application/x-pem-file");
        });
        return group;
    }
}
