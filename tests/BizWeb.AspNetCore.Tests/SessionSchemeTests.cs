using BizWeb.Auth;
using BizWeb.Testing.Auth;
using Microsoft.AspNetCore.Http;

namespace BizWeb.AspNetCore.Tests;

/// <summary>
/// The session scheme (issue 17; SPEC.md §9): the cookie's attributes, the caller made by the SDK on
/// every request, the certificate binding, server-side sign-out, idle and absolute time-outs, and the
/// end of a session when the principal's state changes.
/// </summary>
public sealed class SessionSchemeTests
{
    [Fact]
    public async Task The_session_cookie_is_a_host_cookie_secure_http_only_and_same_site_strict()
    {
        await using var portal = await TestPortal.StartAsync();
        var (_, certificate) = await portal.Harness.ActiveContractAsync();
        portal.NextSignIn = await portal.Harness.SignInAdminAsync(certificate);

        var answer = await portal.SendAsync("POST", "/test/sign-in", new CookieJar(), certificate);

        var cookie = Assert.Single(answer.SetCookies, c => c.StartsWith("__Host-BizWeb.Session=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_signed_in_administrator_reaches_the_administrator_policy_as_the_SDKs_caller()
    {
        await using var portal = await TestPortal.StartAsync();
        var (contract, certificate) = await portal.Harness.ActiveContractAsync();
        var jar = await portal.SignInAsync(await portal.Harness.SignInAdminAsync(certificate), certificate);

        var answer = await portal.SendAsync("GET", "/admin", jar, certificate);

        Assert.Equal(StatusCodes.Status200OK, answer.Status);
        Assert.Equal(contract.ToString(), answer.Body);
    }

    [Fact]
    public async Task Without_a_session_a_browser_is_sent_to_the_configured_path_and_a_JSON_client_gets_401()
    {
        await using var portal = await TestPortal.StartAsync(o => o.SessionEndedPath = "/?expired=1");

        var browser = await portal.SendAsync("GET", "/admin");
        var api = await portal.SendAsync("GET", "/admin", request: c => c.Request.Headers.Accept = "application/json");

        Assert.Equal(StatusCodes.Status302Found, browser.Status);
        Assert.Equal("/?expired=1", browser.Location);
        Assert.Equal(StatusCodes.Status401Unauthorized, api.Status);
    }

    [Fact]
    public async Task The_session_needs_the_certificate_it_signed_in_with_on_every_request()
    {
        await using var portal = await TestPortal.StartAsync();
        var (contract, certificate) = await portal.Harness.ActiveContractAsync();
        var jar = await portal.SignInAsync(await portal.Harness.SignInAdminAsync(certificate), certificate);
        using var other = portal.Harness.Certificates.IssueFor(PrincipalId.Administrator(contract));

        var withoutCertificate = await portal.SendAsync("GET", "/admin", jar.Copy());
        var withAnother = await portal.SendAsync("GET", "/admin", jar.Copy(), other);

        Assert.Equal(StatusCodes.Status302Found, withoutCertificate.Status);
        Assert.Equal(StatusCodes.Status302Found, withAnother.Status);
        // The refused session's cookie is removed.
        Assert.Contains(withoutCertificate.SetCookies, c => c.StartsWith("__Host-BizWeb.Session=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_copy_of_the_cookie_is_worthless_after_sign_out()
    {
        await using var portal = await TestPortal.StartAsync();
        var (_, certificate) = await portal.Harness.ActiveContractAsync();
        var jar = await portal.SignInAsync(await portal.Harness.SignInAdminAsync(certificate), certificate);
        var copy = jar.Copy();

        Assert.Equal(StatusCodes.Status200OK, (await portal.SendAsync("POST", "/test/sign-out", jar, certificate)).Status);

        Assert.False(jar.Has("__Host-BizWeb.Session"));
        Assert.Equal(StatusCodes.Status302Found, (await portal.SendAsync("GET", "/admin", copy, certificate)).Status);
    }

    [Fact]
    public async Task An_idle_session_ends_after_the_idle_time_out()
    {
        await using var portal = await TestPortal.StartAsync(o => o.IdleTimeout = TimeSpan.FromMinutes(10));
        var (_, certificate) = await portal.Harness.ActiveContractAsync();
        var jar = await portal.SignInAsync(await portal.Harness.SignInAdminAsync(certificate), certificate);

        portal.Harness.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(StatusCodes.Status200OK, (await portal.SendAsync("GET", "/admin", jar, certificate)).Status);
        portal.Harness.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(StatusCodes.Status302Found, (await portal.SendAsync("GET", "/admin", jar, certificate)).Status);
    }

    [Fact]
    public async Task An_active_session_ends_at_the_absolute_time_out_and_a_renewal_does_not_extend_it()
    {
        await using var portal = await TestPortal.StartAsync(o =>
        {
            o.IdleTimeout = TimeSpan.FromMinutes(10);
            o.AbsoluteTimeout = TimeSpan.FromMinutes(30);
        });
        var (_, certificate) = await portal.Harness.ActiveContractAsync();
        var signedIn = await portal.Harness.SignInAdminAsync(certificate);
        var jar = await portal.SignInAsync(signedIn, certificate);

        for (var minute = 0; minute < 25; minute += 5)
        {
            portal.Harness.Time.Advance(TimeSpan.FromMinutes(5));
            Assert.Equal(StatusCodes.Status200OK, (await portal.SendAsync("GET", "/admin", jar, certificate)).Status);
        }

        portal.NextSignIn = signedIn;
        Assert.Equal(StatusCodes.Status200OK, (await portal.SendAsync("POST", "/test/renew", jar, certificate)).Status);
        portal.Harness.Time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(StatusCodes.Status302Found, (await portal.SendAsync("GET", "/admin", jar, certificate)).Status);
    }

    [Fact]
    public async Task An_accident_registered_by_the_bank_ends_the_live_session_at_its_next_request()
    {
        await using var portal = await TestPortal.StartAsync();
        var (contract, certificate) = await portal.Harness.ActiveContractAsync();
        var jar = await portal.SignInAsync(await portal.Harness.SignInAdminAsync(certificate), certificate);
        Assert.Equal(StatusCodes.Status200OK, (await portal.SendAsync("GET", "/admin", jar, certificate)).Status);

        Assert.True((await portal.Harness.Get<BankOperations>().RegisterAccidentAsync(portal.Harness.Operator, contract, null)).Succeeded);

        Assert.Equal(StatusCodes.Status302Found, (await portal.SendAsync("GET", "/admin", jar, certificate)).Status);
    }

    [Fact]
    public async Task A_revoked_certificate_ends_the_session()
    {
        await using var portal = await TestPortal.StartAsync();
        var (_, certificate) = await portal.Harness.ActiveContractAsync();
        var jar = await portal.SignInAsync(await portal.Harness.SignInAdminAsync(certificate), certificate);

        portal.Harness.Certificates.Revoke(certificate);

        Assert.Equal(StatusCodes.Status302Found, (await portal.SendAsync("GET", "/admin", jar, certificate)).Status);
    }

    [Fact]
    public async Task A_tampered_cookie_is_no_session()
    {
        await using var portal = await TestPortal.StartAsync();
        var (_, certificate) = await portal.Harness.ActiveContractAsync();
        var jar = await portal.SignInAsync(await portal.Harness.SignInAdminAsync(certificate), certificate);
        var header = jar.Header!;
        var forged = new CookieJar();
        forged.Take([header[..^4] + (header[^4..] == "AAAA" ? "BBBB" : "AAAA")]);

        Assert.Equal(StatusCodes.Status302Found, (await portal.SendAsync("GET", "/admin", forged, certificate)).Status);
    }
}
