using System.Net;
using System.Security.Cryptography;
using BizWeb.Auth;
using BizWeb.Testing.Auth;
using Microsoft.AspNetCore.Http;

namespace BizWeb.AspNetCore.Tests;

/// <summary>
/// Client certificates and addresses behind a TLS-terminating proxy (issue 17): honoured only from a
/// configured trusted proxy; from anyone else the header is dropped unread.
/// </summary>
public sealed class ProxyTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.2");

    [Fact]
    public async Task A_certificate_header_from_a_trusted_proxy_is_the_requests_client_certificate()
    {
        await using var portal = await TestPortal.StartAsync(o => o.TrustedProxies.Add(Proxy.ToString()));
        var (contract, certificate) = await portal.Harness.ActiveContractAsync();

        var pem = await portal.SendAsync("GET", "/certificate", from: Proxy, request: c => c.Request.Headers["X-Client-Cert"] = Uri.EscapeDataString(certificate.ExportCertificatePem()));
        var der = await portal.SendAsync("GET", "/certificate", from: Proxy, request: c => c.Request.Headers["X-Client-Cert"] = Convert.ToBase64String(certificate.RawData));

        Assert.Equal(certificate.Subject, pem.Body);
        Assert.Equal(certificate.Subject, der.Body);
        Assert.Contains(contract.ToString(), pem.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_header_from_anyone_else_is_ignored_and_cannot_carry_a_session()
    {
        await using var portal = await TestPortal.StartAsync(o => o.TrustedProxies.Add(Proxy.ToString()));
        var (_, certificate) = await portal.Harness.ActiveContractAsync();
        var jar = await portal.SignInAsync(await portal.Harness.SignInAdminAsync(certificate), certificate);
        var header = Convert.ToBase64String(certificate.RawData);

        var claimed = await portal.SendAsync("GET", "/certificate", request: c => c.Request.Headers["X-Client-Cert"] = header);
        var session = await portal.SendAsync("GET", "/admin", jar, request: c => c.Request.Headers["X-Client-Cert"] = header);

        Assert.Equal("-", claimed.Body);
        Assert.Equal(StatusCodes.Status302Found, session.Status);
    }

    [Fact]
    public async Task A_session_behind_the_trusted_proxy_is_validated_with_the_forwarded_certificate()
    {
        await using var portal = await TestPortal.StartAsync(o => o.TrustedProxies.Add(Proxy.ToString()));
        var (contract, certificate) = await portal.Harness.ActiveContractAsync();
        var jar = await portal.SignInAsync(await portal.Harness.SignInAdminAsync(certificate), certificate);

        var answer = await portal.SendAsync("GET", "/admin", jar, from: Proxy, request: c => c.Request.Headers["X-Client-Cert"] = Convert.ToBase64String(certificate.RawData));

        Assert.Equal(StatusCodes.Status200OK, answer.Status);
        Assert.Equal(contract.ToString(), answer.Body);
    }

    [Fact]
    public async Task The_connections_own_certificate_wins_over_a_header_and_garbage_is_no_certificate()
    {
        await using var portal = await TestPortal.StartAsync(o => o.TrustedProxies.Add(Proxy.ToString()));
        var (contract, certificate) = await portal.Harness.ActiveContractAsync();
        using var other = portal.Harness.Certificates.IssueFor(PrincipalId.Administrator(contract));

        var own = await portal.SendAsync("GET", "/certificate", certificate: certificate, from: Proxy, request: c => c.Request.Headers["X-Client-Cert"] = Convert.ToBase64String(other.RawData));
        var garbage = await portal.SendAsync("GET", "/certificate", from: Proxy, request: c => c.Request.Headers["X-Client-Cert"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(300)));
        var oversized = await portal.SendAsync("GET", "/certificate", from: Proxy, request: c => c.Request.Headers["X-Client-Cert"] = new string('A', 20_000));

        Assert.Equal(certificate.Subject, own.Body);
        Assert.Equal("-", garbage.Body);
        Assert.Equal("-", oversized.Body);
    }

    [Fact]
    public async Task X_Forwarded_For_is_the_client_address_only_from_a_trusted_proxy()
    {
        await using var portal = await TestPortal.StartAsync(o => o.TrustedProxies.Add(Proxy.ToString()));

        var viaProxy = await portal.SendAsync("GET", "/address", from: Proxy, request: c => c.Request.Headers["X-Forwarded-For"] = "198.51.100.9");
        var direct = await portal.SendAsync("GET", "/address", request: c => c.Request.Headers["X-Forwarded-For"] = "198.51.100.9");
        var mapped = await portal.SendAsync("GET", "/address", from: IPAddress.Parse("::ffff:192.0.2.1"));

        Assert.Equal("198.51.100.9", viaProxy.Body);
        Assert.Equal(TestPortal.Browser.ToString(), direct.Body);
        Assert.Equal("192.0.2.1", mapped.Body);
    }

    [Fact]
    public async Task Without_trusted_proxies_no_header_is_honoured()
    {
        await using var portal = await TestPortal.StartAsync();
        var (_, certificate) = await portal.Harness.ActiveContractAsync();

        var answer = await portal.SendAsync("GET", "/certificate", from: IPAddress.Loopback, request: c =>
        {
            c.Request.Headers["X-Client-Cert"] = Convert.ToBase64String(certificate.RawData);
            c.Request.Headers["X-Forwarded-For"] = "198.51.100.9";
        });
        var address = await portal.SendAsync("GET", "/address", from: IPAddress.Loopback, request: c => c.Request.Headers["X-Forwarded-For"] = "198.51.100.9");

        Assert.Equal("-", answer.Body);
        Assert.Equal("127.0.0.1", address.Body);
    }
}
