using Microsoft.Playwright;

namespace BizWeb.SampleHost.Tests;

/// <summary>
/// Issue 15, finding 2 (SPEC.md §9): a session is bound to the client certificate it signed in with.
/// Its cookie replayed from a browser that presents no certificate, or another principal's, is refused;
/// the bank revoking the administrator's certificate ends his live session before he can act with ④.
/// </summary>
public sealed class SessionBindingTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string SessionCookie = "__Host-BizWeb.Session";

    [Fact]
    public async Task A_session_cookie_is_refused_without_its_certificate_and_ends_when_the_certificate_is_revoked()
    {
        var host = fixture.Host;
        var active = await ActiveUser.CreateAsync(fixture.Browser, host, "31313131313", linked: false);
        await using var userContext = await fixture.Browser.NewContextAsync(host, active.UserCertificate, CertTool.Pkcs12Password);
        var user = await userContext.NewPageAsync();
        await using var adminContext = await fixture.Browser.NewContextAsync(host, active.AdminCertificate, CertTool.Pkcs12Password);
        var admin = await adminContext.NewPageAsync();
        await Browser.RunAsync(user, nameof(A_session_cookie_is_refused_without_its_certificate_and_ends_when_the_certificate_is_revoked), async () =>
        {
            await UserJourney.SignInAsync(user, host);
            Assert.Contains("利用者8-3", await user.Locator("[data-test=screen]").InnerTextAsync(), StringComparison.Ordinal);
            var copied = await SessionCookiesAsync(userContext);

            // The cookie alone, from a browser with no client certificate.
            await using (var thief = await fixture.Browser.NewContextAsync(host))
            {
                await thief.AddCookiesAsync(copied);
                var stolen = await thief.NewPageAsync();
                await stolen.GotoAsync(new Uri(host.SiteUrl, "User/Manage").ToString());
                Assert.Contains("expired=1", stolen.Url, StringComparison.Ordinal);
            }

            // The cookie with another principal's certificate (the administrator's of the same contract).
            await using (var other = await fixture.Browser.NewContextAsync(host, active.AdminCertificate, CertTool.Pkcs12Password))
            {
                await other.AddCookiesAsync(copied);
                var stolen = await other.NewPageAsync();
                await stolen.GotoAsync(new Uri(host.SiteUrl, "User/Manage").ToString());
                Assert.Contains("expired=1", stolen.Url, StringComparison.Ordinal);
            }

            // The owner's session goes on.
            await user.GotoAsync(new Uri(host.SiteUrl, "User/Manage").ToString());
            Assert.DoesNotContain("expired=1", user.Url, StringComparison.Ordinal);

            // The bank revokes the administrator's certificate (KeyCompromise): his live session ends
            // at its next request, before the user-registration screen can take ④.
            await AdminJourney.SignInAsync(admin, host, active.Contract);
            Assert.Contains("管理者3-4", await admin.Locator("[data-test=screen]").InnerTextAsync(), StringComparison.Ordinal);
            await using (var bank = await fixture.Browser.NewContextAsync(host))
            {
                var ops = await bank.NewPageAsync();
                await OperationsJourney.SignInAsync(ops, host);
                await ops.GotoAsync(new Uri(host.OperationsUrl, $"ops/Certificates?contractId={active.Contract.ContractId}&userId=").ToString());
                await ops.Locator("form:has([data-test=revoke-current]) select[name=reason]").SelectOptionAsync("KeyCompromise");
                await ops.Locator("[data-test=revoke-current]").ClickAsync();
            }

            await admin.GotoAsync(new Uri(host.SiteUrl, "Admin/Manage/Users/Register").ToString());
            Assert.Contains("expired=1", admin.Url, StringComparison.Ordinal);
        });
    }

    private static async Task<IReadOnlyList<Cookie>> SessionCookiesAsync(IBrowserContext context) =>
        (await context.CookiesAsync()).Where(c => c.Name == SessionCookie)
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Secure = c.Secure, HttpOnly = c.HttpOnly, SameSite = c.SameSite })
            .ToList();
}
