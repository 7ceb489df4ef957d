using Microsoft.Playwright;

namespace BizWeb.SampleHost.Tests;

/// <summary>
/// The whole manual in order, in a real browser with real client certificates (SPEC.md §4 ① → ⑥):
/// the bank creates the contract, its card and a token on the operations console → admin activation
/// with the card → admin certificate (the cert tool) → admin login → debit account (P.16 ①) → user
/// registration → token registration → user certificate (the cert tool, the token) → user activation
/// → user login → a transfer confirmed with the token code (利用者9-1, 9-2). It saves a screenshot of
/// each main screen to artifacts/screenshots (the README shows some, from docs/screenshots).
/// </summary>
public sealed class ManualJourneyTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static readonly string Screenshots = Path.Combine(BizWeb.Testing.RepositoryRoot.Find(), "artifacts", "screenshots");

    [Fact]
    public async Task The_manual_from_the_bank_creating_the_contract_to_a_confirmed_transfer()
    {
        var host = fixture.Host;
        DemoContract contract = null!;
        await using (var bank = await fixture.Browser.NewContextAsync(host))
        {
            var page = await bank.NewPageAsync();
            await Browser.RunAsync(page, "journey-bank", async () =>
            {
                await OperationsJourney.SignInAsync(page, host);
                await ShotAsync(page, "00-operations-console");
                contract = await OperationsJourney.CreateContractAsync(page, host, "31415926535", linked: true);
                await page.GotoAsync(new Uri(host.SiteUrl, "").ToString());
                await ShotAsync(page, "01-portal");
                await AdminJourney.ActivateAsync(page, host, contract);
                await ShotAsync(page, "02-admin-activation-done");
            });
        }

        var adminCertificate = await CertTool.EnrollAdministratorAsync(host, contract, AdminJourney.LoginPin);
        await using (var admin = await fixture.Browser.NewContextAsync(host, adminCertificate, CertTool.Pkcs12Password))
        {
            var page = await admin.NewPageAsync();
            await Browser.RunAsync(page, "journey-admin", async () =>
            {
                await page.GotoAsync(new Uri(host.SiteUrl, "Admin/Login").ToString());
                await ShotAsync(page, "03-admin-login");
                await AdminJourney.SignInAsync(page, host, contract);
                await ShotAsync(page, "04-admin-status");
                await TransferJourney.RegisterDebitAccountAsync(page, host, perTransfer: 1_000_000);
                await UserJourney.RegisterAsync(page, host, "taro01", "Transfers", "BalanceInquiry");
                await ShotAsync(page, "05-user-registered");
                await UserJourney.RegisterTokenAsync(page, host, contract, "taro01");
            });
        }

        // The token's step used at 5-1 is spent (replay protection): the next code is a step later.
        await host.AdvanceClockAsync(TimeSpan.FromMinutes(1));
        var userCertificate = await CertTool.EnrollUserAsync(host, contract.ContractId, "taro01", UserJourney.TemporaryLoginPin, () => contract.TokenCode(host.UtcNow));
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

                // One yen over the debit account's per-transfer limit is refused at once.
                await TransferJourney.DraftAsync(page, host, 1_000_001);
                Assert.True(await page.Locator("[data-test=errors]").IsVisibleAsync());

                await TransferJourney.DraftAsync(page, host, 50_000);
                Assert.Contains("利用者9-1", await page.Locator("[data-test=screen]").InnerTextAsync(), StringComparison.Ordinal);
                Assert.Contains("50,000", await page.Locator("[data-test=amount]").InnerTextAsync(), StringComparison.Ordinal);
                await ShotAsync(page, "08-transfer-confirm");

                // A wrong code is refused (and counted); the right one, a step after the enrollment's, authorises.
                await TransferJourney.ConfirmAsync(page, "000000");
                Assert.True(await page.Locator("[data-test=errors]").IsVisibleAsync());
                await host.AdvanceClockAsync(TimeSpan.FromMinutes(1));
                await TransferJourney.ConfirmAsync(page, contract.TokenCode(host.UtcNow));
                Assert.Contains("利用者9-2", await page.Locator("[data-test=screen]").InnerTextAsync(), StringComparison.Ordinal);
                Assert.StartsWith("DEMO-", await page.Locator("[data-test=reference]").InnerTextAsync(), StringComparison.Ordinal);
                await ShotAsync(page, "09-transfer-done");

                // A transfer dated three days ahead, authorised, then cancelled (資金移動先予約取消, mailed to the user).
                await TransferJourney.DraftAsync(page, host, 12_345, DateOnly.FromDateTime(host.UtcNow.AddDays(3)));
                await host.AdvanceClockAsync(TimeSpan.FromMinutes(1));
                await TransferJourney.ConfirmAsync(page, contract.TokenCode(host.UtcNow));
                await page.GotoAsync(new Uri(host.SiteUrl, "User/Manage/Transfers").ToString());
                await page.Locator("[data-test=transfer-row][data-state=Authorised] [data-test=cancel-transfer]").ClickAsync();
                Assert.Equal(1, await page.Locator("[data-test=transfer-row][data-state=Cancelled]").CountAsync());
                Assert.Equal(1, await page.Locator("[data-test=transfer-row][data-state=Authorised]").CountAsync());
            });
        }

        // Security e-mails of the journey arrived in the mail drop (no SMTP configured).
        await WaitForMailAsync(host, "管理者開通確認");
        await WaitForMailAsync(host, "契約口座情報変更");
        await WaitForMailAsync(host, "利用者開通確認");
        await WaitForMailAsync(host, "資金移動先予約取消");
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });
    }

    /// <summary>Waits for a mail in the drop folder: rechecked each time the host logs a mail it wrote.</summary>
    private static async Task WaitForMailAsync(SampleHostProcess host, string subject)
    {
        const string Written = "written to the mail drop";
        var folder = Path.Combine(host.DataDirectory, "mail");
        while (true)
        {
            var seen = host.Count(Written);
            if (Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any(f => File.ReadAllText(f).Contains(subject, StringComparison.Ordinal)))
            {
                return;
            }

            await host.WaitForCountAsync(Written, seen + 1, TimeSpan.FromSeconds(30));
        }
    }
}
