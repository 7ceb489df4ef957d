using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BizWeb.SampleHost.Tests;

/// <summary>
/// Behind a reverse proxy the client certificate arrives in a header: honoured only from the
/// configured proxy addresses (BizWeb:AspNetCore:TrustedProxies), never from anyone else.
/// </summary>
public sealed class ForwardedCertificateTests
{
    [Fact]
    public async Task The_header_is_honoured_from_a_configured_proxy_and_ignored_from_anyone_else()
    {
        var pem = CertificatePem("12345678901" + "1286");
        await using (var untrusting = await SampleHostProcess.StartAsync(demo: false))
        {
            Assert.DoesNotContain("123456789011286", await LoginPageAsync(untrusting, pem), StringComparison.Ordinal);
        }

        await using var trusting = await SampleHostProcess.StartAsync(demo: false, settings: new Dictionary<string, string>
        {
            ["BizWeb:AspNetCore:TrustedProxies:0"] = "127.0.0.1",
            ["BizWeb:AspNetCore:TrustedProxies:1"] = "::1",
        });
        Assert.Contains("123456789011286", await LoginPageAsync(trusting, pem), StringComparison.Ordinal);
    }

    private static async Task<string> LoginPageAsync(SampleHostProcess host, string pem)
    {
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.SiteUrl, "Admin/Login"));
        request.Headers.Add("X-Client-Cert", Uri.EscapeDataString(pem));
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static string CertificatePem(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.ExportCertificatePem();
    }
}
