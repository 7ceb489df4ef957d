using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;
using BizWeb.Certificates;
using BizWeb.Testing.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.CertTool.Tests;

/// <summary>
/// An in-process host on a loopback port that serves the cert tool's enrollment protocol
/// (samples/BizWeb.CertTool/README.md) with the real auth flows and the real CA.
/// </summary>
public sealed class EnrollmentHost : IAsyncLifetime
{
    private WebApplication? _app;
    private string _caDirectory = string.Empty;

    public AuthHarness Harness { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _caDirectory = Directory.CreateTempSubdirectory("bizweb-ca-").FullName;
        Harness = AuthHarness.Create(services: s => s.AddBizWeb().AddCertificateAuthority(o =>
        {
            o.CertificatePath = Path.Combine(_caDirectory, "ca.pem");
            o.PrivateKeyPath = Path.Combine(_caDirectory, "ca-key.pem");
            o.PrivateKeyPassword = "test-ca-password";
            o.CreateIfMissing = true;
            o.CrlDistributionPoint = new Uri("http://127.0.0.1/crl");
        }));

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(Harness);
        _app = builder.Build();
        var api = _app.MapGroup("/api/enrollment");
        api.MapPost("/admin/begin", (Body body, HttpContext http) => Answer(http, f => f.Get<CertificateEnrollment>().BeginAdminAsync(body.ContractId, body.LoginPin, Actor(http)), v => new { handle = v.Handle, prompts = v.Challenge.Prompts }));
        api.MapPost("/admin/complete", (Body body, HttpContext http) => Answer(http, f => f.Get<CertificateEnrollment>().CompleteAdminAsync(body.Handle, body.Answer, Actor(http)), v => new { ticket = v.Handle }));
        api.MapPost("/user/begin", (Body body, HttpContext http) => Answer(http, f => f.Get<CertificateEnrollment>().BeginUserAsync(body.ContractId, body.UserId, body.LoginPin, Actor(http)), v => new { handle = v.Handle }));
        api.MapPost("/user/complete", (Body body, HttpContext http) => Answer(http, f => f.Get<CertificateEnrollment>().CompleteUserAsync(body.Handle, body.TokenCode, Actor(http)), v => new { ticket = v.Handle }));
        api.MapPost("/certificate", async (Body body, HttpContext http) =>
        {
            var der = PemDer(body.Csr);
            var ca = Harness.Get<CertificateAuthority>();
            using var caCertificate = await ca.GetAuthorityCertificateAsync();
            return await Answer(http, _ => ca.IssueAsync(body.Ticket, der, Actor(http)), v => new { certificate = PemEncoding.WriteString("CERTIFICATE", v.RawData), caCertificate = caCertificate.ExportCertificatePem() });
        });
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Harness.Dispose();
        Directory.Delete(_caDirectory, recursive: true);
    }

    private static AuditActor Actor(HttpContext http) => AuditActor.Anonymous(http.Connection.RemoteIpAddress?.ToString());

    private static byte[] PemDer(string? pem)
    {
        try
        {
            return PemEncoding.TryFind(pem, out var fields) ? Convert.FromBase64String(pem![fields.Base64Data]) : [];
        }
        catch (FormatException)
        {
            return [];
        }
    }

    private async Task<IResult> Answer<T>(HttpContext http, Func<AuthHarness, ValueTask<AuthResult<T>>> step, Func<T, object> success)
    {
        var result = await step(Harness);
        return result.Succeeded
            ? Results.Json(success(result.Value))
            : Results.Json(new { code = (int)result.ErrorCode!.Value, message = result.Errors[0].GetText(System.Globalization.CultureInfo.GetCultureInfo("ja-JP")) }, statusCode: StatusCodes.Status400BadRequest);
    }

    private sealed record Body(string? ContractId, string? UserId, string? LoginPin, string? Handle, string? Answer, string? TokenCode, string? Ticket, string? Csr);
}
