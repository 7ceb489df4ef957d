using Microsoft.Playwright;

namespace BizWeb.SampleHost.Tests;

/// <summary>
/// The whole manual in order, in a real browser with real client certificates (SPEC.md §4 ① → ⑥):
/// admin activation with the card → admin certificate (the cert tool) → admin login → user
/// registration → token registration → user certificate (the cert tool, the token) → user activation
/// → user login. It saves a screenshot of each main screen to artifacts/screenshots.
/// </summary>
public sealed class ManualJourneyTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly string Screenshots = Path.Combine(BizWeb.Testing.RepositoryRoot.Find(), "artifacts", "screenshots");

    [Fact]
    public async Task The_manual_from_admin_activation_to_user_sign_in()
    {
        var host = fixture.Host;
        var demo = fixture.Demo;
        await using (var anonymous = await fixture.Browser.NewContextAsync(host))
        {
            var page = await anonymous.NewPageAsync();
            await Browser.RunAsync(page, "journey-activation", async () =>
            {
                await page.GotoAsync(host.SiteUrl.ToString());
                await ShotAsync(page, "01-portal");
                await AdminJourney.ActivateAsync(page, host, demo);
                await ShotAsync(page, "02-admin-activation-done");
            });
        }

        var adminCertificate = await CertTool.EnrollAdministratorAsync(host, demo, AdminJourney.LoginPin);
        await using (var admin = await fixture.Browser.NewContextAsync(host, adminCertificate, CertTool.Pkcs12Password))
        {
            var page = await admin.NewPageAsync();
            await Browser.RunAsync(page, "journey-admin", async () =>
            {
                await page.GotoAsync(new Uri(host.SiteUrl, "Admin/Login").ToString());
                await ShotAsync(page, "03-admin-login");
                await AdminJourney.SignInAsync(page, host, demo);
                await ShotAsync(page, "04-admin-status");
                await UserJourney.RegisterAsync(page, host, "taro01", "Transfers", "BalanceInquiry");
                await ShotAsync(page, "05-user-registered");
                await UserJourney.RegisterTokenAsync(page, host, demo, "taro01");
            });
        }

        // The token's step used at 5-1 is spent (replay protection): the next code is a step later.
        await host.AdvanceClockAsync(TimeSpan.FromMinutes(1));
        var userCertificate = await CertTool.EnrollUserAsync(host, demo.ContractId, "taro01", UserJourney.TemporaryLoginPin, () => demo.TokenCode(host.UtcNow));
        await using (var user = await fixture.Browser.NewContextAsync(host, userCertificate, CertTool.Pkcs12Password))
        {
            var page = await user.NewPageAsync();
            await Browser.RunAsync(page, "journey-user", async () =>
            {
                await UserJourney.ActivateAsync(page, host);
                await ShotAsync(page, "06-user-activation-done");
                await UserJourney.SignInAsync(page, host);
                Assert.Contains("利用者8-3", await page.Locator("[data-test=screen]").InnerTextAsync(), StringComparison.Ordinal);
                Assert.Equal("taro01", await page.Locator("[data-test=user-id]").InnerTextAsync());
                await ShotAsync(page, "07-user-status");
            });
        }

        // Security e-mails of the journey arrived in the mail drop (no SMTP configured): 管理者開通確認, 利用者情報登録, 利用者開通確認 …
        await WaitForMailAsync(host, "管理者開通確認");
        await WaitForMailAsync(host, "利用者開通確認");
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });
    }

    private static async Task WaitForMailAsync(SampleHostProcess host, string subject)
    {
        var folder = Path.Combine(host.DataDirectory, "mail");
        for (var i = 0; i < 100; i++)
        {
            if (Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(f => File.ReadAllText(f).Contains(subject, StringComparison.Ordinal)))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"no security e-mail '{subject}' in {folder}");
    }
}
