namespace BizWeb.SampleHost.Tests;

/// <summary>The session's idle time-out (10 minutes by default), on test mode's clock.</summary>
public sealed class SessionTimeoutTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_session_idle_for_longer_than_the_idle_time_out_ends()
    {
        var host = fixture.Host;
        var demo = fixture.Demo;
        await using (var anonymous = await fixture.Browser.NewContextAsync(host))
        {
            await AdminJourney.ActivateAsync(await anonymous.NewPageAsync(), host, demo);
        }

        var pkcs12 = await CertTool.EnrollAdministratorAsync(host, demo, AdminJourney.LoginPin);
        await using var context = await fixture.Browser.NewContextAsync(host, pkcs12, CertTool.Pkcs12Password);
        var page = await context.NewPageAsync();
        await Browser.RunAsync(page, nameof(A_session_idle_for_longer_than_the_idle_time_out_ends), async () =>
        {
            await AdminJourney.SignInAsync(page, host, demo);
            await host.AdvanceClockAsync(TimeSpan.FromMinutes(9));
            await page.GotoAsync(new Uri(host.SiteUrl, "Admin/Manage").ToString());
            Assert.Contains("管理者3-4", await page.Locator("[data-test=screen]").InnerTextAsync(), StringComparison.Ordinal);

            await host.AdvanceClockAsync(TimeSpan.FromMinutes(11));
            await page.GotoAsync(new Uri(host.SiteUrl, "Admin/Manage").ToString());
            Assert.Contains("expired=1", page.Url, StringComparison.Ordinal);
        });
    }
}
