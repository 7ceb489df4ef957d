using System.Security.Cryptography;
using BizWeb.Auth;
using BizWeb.Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace BizWeb.AspNetCore;

/// <summary>
/// The certificate tool's protocol (証明書取得, 管理者2 and 利用者6): JSON over HTTPS at
/// <c>/api/enrollment</c>, every failure an RFC 9457 problem with the SDK's stable <c>code</c> and the
/// manual's <c>message</c>. It carries no cookies, so cross-site request forgery has nothing to ride
/// on; every step is rate limited as a credential post.
/// </summary>
internal static class EnrollmentEndpoints
{
    public const string Prefix = "/api/enrollment";

    public static RouteGroupBuilder Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).RequireRateLimiting(BizWebRateLimiting.CredentialPolicy).DisableAntiforgery();
        api.MapPost("/admin/begin", ([FromBody] EnrollmentBody body, HttpContext http, [FromServices] CertificateEnrollment flow) =>
            Answer(flow.BeginAdminAsync(body.ContractId, body.LoginPin, http.GetBizWebAnonymousActor(), http.RequestAborted), v => new { handle = v.Handle, prompts = v.Challenge.Prompts }));
        api.MapPost("/admin/complete", ([FromBody] EnrollmentBody body, HttpContext http, [FromServices] CertificateEnrollment flow) =>
            Answer(flow.CompleteAdminAsync(body.Handle, body.Answer, http.GetBizWebAnonymousActor(), http.RequestAborted), v => new { ticket = v.Handle }));
        api.MapPost("/user/begin", ([FromBody] EnrollmentBody body, HttpContext http, [FromServices] CertificateEnrollment flow) =>
            Answer(flow.BeginUserAsync(body.ContractId, body.UserId, body.LoginPin, http.GetBizWebAnonymousActor(), http.RequestAborted), v => new { handle = v.Handle }));
        api.MapPost("/user/complete", ([FromBody] EnrollmentBody body, HttpContext http, [FromServices] CertificateEnrollment flow) =>
            Answer(flow.CompleteUserAsync(body.Handle, body.TokenCode, http.GetBizWebAnonymousActor(), http.RequestAborted), v => new { ticket = v.Handle }));
        api.MapPost("/certificate", async ([FromBody] EnrollmentBody body, HttpContext http, [FromServices] CertificateAuthority ca) =>
        {
            var issued = await ca.IssueAsync(body.Ticket, CertificateRequestPem.ToDer(body.Csr), http.GetBizWebAnonymousActor(), http.RequestAborted).ConfigureAwait(false);
            if (!issued.Succeeded)
            {
                return issued.ToProblem();
            }

            using var caCertificate = await ca.GetAuthorityCertificateAsync(http.RequestAborted).ConfigureAwait(false);
            return Results.Json(new { certificate = PemEncoding.WriteString("CERTIFICATE", issued.Value.RawData), caCertificate = caCertificate.ExportCertificatePem() });
        });
        return api;
    }

    private static async Task<IResult> Answer<T>(ValueTask<AuthResult<T>> step, Func<T, object> success)
    {
        var result = await step.ConfigureAwait(false);
        return result.Succeeded ? Results.Json(success(result.Value)) : result.ToProblem();
    }
}
