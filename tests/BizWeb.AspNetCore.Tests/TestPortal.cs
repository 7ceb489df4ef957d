using System.Net;
using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;
using BizWeb.Testing.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BizWeb.AspNetCore.Tests;

/// <summary>
/// A portal on the package in an in-process test server: the SDK's flows on the harness's in-memory
/// store, clock and in-test second factors, <c>AddAspNetCore()</c>, <c>UseBizWeb()</c>, and a few
/// endpoints behind the package's policies. Requests carry a cookie jar, a client certificate and a
/// client address, as a browser behind TLS would.
/// </summary>
internal sealed class TestPortal : IAsyncDisposable
{
    public static readonly IPAddress Browser = IPAddress.Parse("203.0.113.7");

    private TestPortal(AuthHarness harness, WebApplication app)
    {
        Harness = harness;
        App = app;
        Server = app.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>() as TestServer;
    }

    public AuthHarness Harness { get; }

    public WebApplication App { get; }

    public TestServer? Server { get; }

    /// <summary>The Kestrel address, when started on Kestrel.</summary>
    public Uri Address => new(App.Urls.First());

    /// <summary>What the next POST /test/sign-in turns into a session.</summary>
    public SignedInPrincipal? NextSignIn { get; set; }

    public static async Task<TestPortal> StartAsync(Action<BizWebAspNetCoreOptions>? configure = null, Action<WebApplication>? map = null, Action<IServiceCollection>? services = null, X509Certificate2? kestrelServerCertificate = null)
    {
        var harness = AuthHarness.Create();
        var builder = WebApplication.CreateSlimBuilder();
        if (kestrelServerCertificate is null)
        {
            builder.WebHost.UseTestServer();
        }
        else
        {
            // Real Kestrel TLS on a loopback port, asking for optional client certificates as the package sets it up.
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
            {
                https.ServerCertificate = kestrelServerCertificate;
                https.AllowBizWebClientCertificates();
            })));
        }

        builder.Logging.ClearProviders();
        builder.Services.AddHarnessSeams(harness);
        builder.Services.AddBizWeb(o => o.PinHashing = BizWeb.Testing.TestPinHashing.CheapArgon2id()).AddAspNetCore(configure);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        TestPortal? portal = null;
        app.UseBizWeb();
        app.MapPost("/test/sign-in", (HttpContext http) => http.SignInBizWebAsync(portal!.NextSignIn!));
        app.MapPost("/test/renew", (HttpContext http) => http.RenewBizWebSessionAsync(portal!.NextSignIn!));
        app.MapPost("/test/sign-out", (HttpContext http) => http.SignOutBizWebAsync());
        app.MapGet("/admin", (HttpContext http) => http.GetBizWebCaller<SignedInAdministrator>().ContractId.ToString()).RequireAuthorization(BizWebPolicies.Administrator);
        app.MapGet("/user", (HttpContext http) => http.GetBizWebCaller<SignedInUser>().UserId.ToString()).RequireAuthorization(BizWebPolicies.User);
        app.MapGet("/transfers", (HttpContext http) => http.GetBizWebCaller<SignedInUser>().UserId.ToString()).RequireAuthorization(BizWebPolicies.Service("Transfers"));
        app.MapMethods("/credential", ["GET", "POST", "PUT", "DELETE"], () => "ok").RequireRateLimiting(BizWebRateLimiting.CredentialPolicy);
        app.MapGet("/address", (HttpContext http) => http.GetBizWebClientAddress() ?? "-");
        app.MapGet("/certificate", async (HttpContext http) => (await http.GetBizWebClientCertificateAsync())?.Subject ?? "-");
        map?.Invoke(app);
        await app.StartAsync();
        portal = new TestPortal(harness, app);
        return portal;
    }

    /// <summary>One request, as a browser: the jar's cookies, the certificate, the address; the answer's cookies go into the jar.</summary>
    public async Task<Answer> SendAsync(string method, string path, CookieJar? jar = null, X509Certificate2? certificate = null, IPAddress? from = null, Action<HttpContext>? request = null)
    {
        var context = await Server!.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Scheme = "https";
            c.Request.Host = new HostString("portal.example.jp");
            var query = path.IndexOf('?', StringComparison.Ordinal);
            c.Request.Path = query < 0 ? path : path[..query];
            c.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
            c.Connection.RemoteIpAddress = from ?? Browser;
            c.Connection.ClientCertificate = certificate;
            if (jar?.Header is { } cookies)
            {
                c.Request.Headers.Cookie = cookies;
            }

            request?.Invoke(c);
        });
        var setCookies = context.Response.Headers.SetCookie.Select(v => v!).ToList();
        jar?.Take(setCookies);
        using var reader = new StreamReader(context.Response.Body);
        return new Answer(context.Response.StatusCode, await reader.ReadToEndAsync(), setCookies, context.Response.Headers.Location.ToString());
    }

    /// <summary>Signs <paramref name="signedIn"/> in and returns the browser's jar.</summary>
    public async Task<CookieJar> SignInAsync(SignedInPrincipal signedIn, X509Certificate2 certificate)
    {
        NextSignIn = signedIn;
        var jar = new CookieJar();
        var answer = await SendAsync("POST", "/test/sign-in", jar, certificate);
        Assert.Equal(StatusCodes.Status200OK, answer.Status);
        return jar;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Harness.Dispose();
    }

    internal sealed record Answer(int Status, string Body, IReadOnlyList<string> SetCookies, string Location);
}
