namespace BizWeb.SampleHost.Tests;

/// <summary>
/// SPEC.md §5, user credentials: seven wrong 利用者暗証番号 lock with the manual's message; in linked
/// mode (利用中止連動式) the whole contract stops and recovery is bank unlock → admin activation → the
/// admin's 利用中止解除; in unlinked mode (利用中止非連動式) only the user stops and the admin releases it.
/// </summary>
public sealed class UserLockTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Locked = "誤った利用者暗証番号を繰り返し入力されたため、サービスをご利用できなくなりました。管理者の方にお問合せください。";
    private const string Wrong = "ご契約先ＩＤ、利用者ＩＤまたは利用者暗証番号の入力に誤りがあるため、ご利用者の認証ができません。ご確認のうえ、ブラウザの戻るボタンで入力画面に戻り、再度入力願います。";

    [Fact]
    public async Task Linked_mode_stops_the_contract_and_recovers_through_bank_unlock_admin_activation_and_release()
    {
        var host = fixture.Host;
        var active = await ActiveUser.CreateAsync(fixture.Browser, host, "21212121212", linked: true);
        await using var bank = await fixture.Browser.NewContextAsync(host);
        var ops = await bank.NewPageAsync();
        await using var userContext = await fixture.Browser.NewContextAsync(host, active.UserCertificate, CertTool.Pkcs12Password);
        var user = await userContext.NewPageAsync();
        await Browser.RunAsync(user, nameof(Linked_mode_stops_the_contract_and_recovers_through_bank_unlock_admin_activation_and_release), async () =>
        {
            await LockAsync(user, host);
            await OperationsJourney.SignInAsync(ops, host);
            Assert.Equal("Stopped", await OperationsJourney.ContractStateAsync(ops, host, active.Contract.ContractId));
            Assert.Equal("Suspended", await OperationsJourney.UserStateAsync(ops, host, active.Contract.ContractId, active.UserId));

            await OperationsJourney.UnlockContractAsync(ops, host, active.Contract.ContractId);
            await AdminJourney.ActivateAsync(ops, host, active.Contract);
            await ReleaseAsync(host, active);

            await UserJourney.SignInAsync(user, host);
            Assert.Contains("利用者8-3", await user.Locator("[data-test=screen]").InnerTextAsync(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Unlinked_mode_stops_only_the_user_and_the_admin_releases_it()
    {
        var host = fixture.Host;
        var active = await ActiveUser.CreateAsync(fixture.Browser, host, "23232323232", linked: false);
        await using var bank = await fixture.Browser.NewContextAsync(host);
        var ops = await bank.NewPageAsync();
        await using var userContext = await fixture.Browser.NewContextAsync(host, active.UserCertificate, CertTool.Pkcs12Password);
        var user = await userContext.NewPageAsync();
        await Browser.RunAsync(user, nameof(Unlinked_mode_stops_only_the_user_and_the_admin_releases_it), async () =>
        {
            await LockAsync(user, host);
            await OperationsJourney.SignInAsync(ops, host);
            Assert.Equal("Active", await OperationsJourney.ContractStateAsync(ops, host, active.Contract.ContractId));
            Assert.Equal("Suspended", await OperationsJourney.UserStateAsync(ops, host, active.Contract.ContractId, active.UserId));

            await ReleaseAsync(host, active);
            await UserJourney.SignInAsync(user, host);
            Assert.Contains("利用者8-3", await user.Locator("[data-test=screen]").InnerTextAsync(), StringComparison.Ordinal);
        });
    }

    private static async Task LockAsync(Microsoft.Playwright.IPage user, SampleHostProcess host)
    {
        for (var attempt = 1; attempt <= 7; attempt++)
        {
            await UserJourney.SignInAsync(user, host, pin: $"wrong{attempt:D2}x");
            Assert.Contains(attempt < 7 ? Wrong : Locked, await user.Locator("[data-test=errors]").InnerTextAsync(), StringComparison.Ordinal);
        }

        await UserJourney.SignInAsync(user, host);
        Assert.Contains(Locked, await user.Locator("[data-test=errors]").InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>The administrator signs in and releases the user's suspension (利用中止解除) with ④.</summary>
    private async Task ReleaseAsync(SampleHostProcess host, ActiveUser active)
    {
        await using var admin = await fixture.Browser.NewContextAsync(host, active.AdminCertificate, CertTool.Pkcs12Password);
        var page = await admin.NewPageAsync();
        await AdminJourney.SignInAsync(page, host, active.Contract);
        await page.GotoAsync(new Uri(host.SiteUrl, $"Admin/Manage/Users/Edit?id={active.UserId}").ToString());
        await page.Locator("[data-test=release-form] [data-test=confirmation-pin]").FillAsync(AdminJourney.ConfirmationPin);
        await page.Locator("[data-test=release-form] [data-test=submit]").ClickAsync();
        Assert.True(await page.Locator("[data-test=notices], [data-test=done]").First.IsVisibleAsync(), await page.Locator("main").InnerTextAsync());
    }
}
