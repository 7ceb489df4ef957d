using System.Globalization;
using System.Security.Cryptography;
using BizWeb.Auth;
using BizWeb.Certificates;

namespace BizWeb.SampleHost.Hosting;

/// <summary>
/// The certificate tool's protocol (samples/BizWeb.CertTool/README.md): JSON over HTTPS, every
/// failure a 400 with the SDK's stable code and the manual's text. It carries no cookies, so
/// cross-site request forgery has nothing to ride on; PIN and OTP steps are rate limited.
/// </summary>
internal static class EnrollmentApi
{
    public static void MapEnrollmentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/enrollment").RequireRateLimiting(CredentialRateLimit.Policy);
        api.MapPost("/admin/begin", (Body body, HttpContext http, CertificateEnrollment flow) =>
            Answer(flow.BeginAdminAsync(body.ContractId, body.LoginPin, Actor(http), http.RequestAborted), v => new { handle = v.Handle, prompts = v.Challenge.Prompts }));
        api.MapPost("/admin/complete", (Body body, HttpContext http, CertificateEnrollment flow) =>
            Answer(flow.CompleteAdminAsync(body.Handle, body.Answer, Actor(http), http.RequestAborted), v => new { ticket = v.Handle }));
        api.MapPost("/user/begin", (Body body, HttpContext http, CertificateEnrollment flow) =>
            Answer(flow.BeginUserAsync(body.ContractId, body.UserId, body.LoginPin, Actor(http), http.RequestAborted), v => new { handle = v.Handle }));
        api.MapPost("/user/complete", (Body body, HttpContext http, CertificateEnrollment flow) =>
            Answer(flow.CompleteUserAsync(body.Handle, body.TokenCode, Actor(http), http.RequestAborted), v => new { ticket = v.Handle }));
        api.MapPost("/certificate", async (Body body, HttpContext http, CertificateAuthority ca) =>
        {
            using var caCertificate = await ca.GetAuthorityCertificateAsync(http.RequestAborted);
            var caPem = caCertificate.ExportCertificatePem();
            return await Answer(ca.IssueAsync(body.Ticket, CertificateRequests.PemToDer(body.Csr), Actor(http), http.RequestAborted),
                v => new { certificate = PemEncoding.WriteString("CERTIFICATE", v.RawData), caCertificate = caPem });
        });
    }

    private static AuditActor Actor(HttpContext http) => AuditActor.Anonymous(http.Connection.RemoteIpAddress?.ToString());

    private static async Task<IResult> Answer<T>(ValueTask<AuthResult<T>> step, Func<T, object> success)
    {
        var result = await step;
        return result.Succeeded
            ? Results.Json(success(result.Value))
            : Results.Json(new { code = (int)result.ErrorCode!.Value, message = result.Errors[0].GetText(CultureInfo.GetCultureInfo("ja-JP")) }, statusCode: StatusCodes.Status400BadRequest);
    }

    private sealed record Body(string? ContractId, string? UserId, string? LoginPin, string? Handle, string? Answer, string? TokenCode, string? Ticket, string? Csr);
}
