using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;

namespace BizWeb.AspNetCore.Tests;

/// <summary>
/// Client certificates over real TLS (issue 17): Kestrel with <c>AllowBizWebClientCertificates()</c> on a
/// loopback port; an HttpClient presents the certificate in the handshake, signs in, and the session
/// is validated with that certificate on the next request — and refused on a connection without it.
/// </summary>
public sealed class KestrelTlsTests
{
    [Fact]
    public async Task A_session_over_TLS_is_bound_to_the_certificate_of_the_handshake()
    {
        using var serverCertificate = ServerCertificate();
        await using var portal = await TestPortal.StartAsync(kestrelServerCertificate: serverCertificate);
        var (contract, certificate) = await portal.Harness.ActiveContractAsync();
        portal.NextSignIn = await portal.Harness.SignInAdminAsync(certificate);
        var cookies = new CookieContainer();
        using var withCertificate = Client(serverCertificate, cookies, certificate);
        using var withoutCertificate = Client(serverCertificate, cookies, null);

        var seen = await withCertificate.GetStringAsync(new Uri(portal.Address, "/certificate"));
        using var signIn = await withCertificate.PostAsync(new Uri(portal.Address, "/test/sign-in"), null);
        var admin = await withCertificate.GetStringAsync(new Uri(portal.Address, "/admin"));
        using var refused = await withoutCertificate.GetAsync(new Uri(portal.Address, "/admin"));

        Assert.Equal(certificate.Subject, seen);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(contract.ToString(), admin);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    [Fact]
    public async Task A_connection_without_a_certificate_is_served_with_no_client_certificate()
    {
        using var serverCertificate = ServerCertificate();
        await using var portal = await TestPortal.StartAsync(kestrelServerCertificate: serverCertificate);
        using var client = Client(serverCertificate, new CookieContainer(), null);

        Assert.Equal("-", await client.GetStringAsync(new Uri(portal.Address, "/certificate")));
    }

    private static HttpClient Client(X509Certificate2 serverCertificate, CookieContainer cookies, X509Certificate2? clientCertificate)
    {
        var handler = new HttpClientHandler
        {
            CookieContainer = cookies,
            AllowAutoRedirect = false,
            // Trust exactly the test's own server certificate.
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == serverCertificate.Thumbprint,
        };
        if (clientCertificate is not null)
        {
            handler.ClientCertificateOptions = ClientCertificateOption.Manual;
            handler.ClientCertificates.Add(clientCertificate);
        }

        return new HttpClient(handler);
    }

    private static X509Certificate2 ServerCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(1));
        // Kestrel needs an exportable key on Linux: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
