using BizWeb.Auth;
using BizWeb.Certificates;
using BizWeb.Testing.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.CertTool.Tests;

/// <summary>
/// An in-process host on a loopback port that serves the cert tool's enrollment protocol
/// (samples/BizWeb.CertTool/README.md) as BizWeb.AspNetCore maps it, with the real auth flows and the real CA.
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

        // The enrollment protocol as BizWeb.AspNetCore serves it (MapBizWebEnrollment), on the harness's
        // store, clock, second factors and CA, so the test sets up contracts through the harness.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services
            .AddHarnessSeams(Harness)
            .AddSingleton(Harness.Get<ICertificateAuthorityKeyProvider>())
            .AddSingleton(Harness.Get<ICertificateStore>())
            .AddSingleton(Harness.Get<ICertificateRevocationListStore>());
        builder.Services.AddBizWeb(o => o.PinHashing = BizWeb.Testing.TestPinHashing.CheapArgon2id())
            .AddCertificateAuthority(o => o.CrlDistributionPoint = new Uri("http://127.0.0.1/crl"))
            .AddAspNetCore();
        _app = builder.Build();
        _app.UseBizWeb();
        _app.MapBizWebEnrollment();
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

}
