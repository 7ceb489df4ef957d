using Microsoft.Playwright;

namespace BizWeb.SampleHost.Tests;

/// <summary>
/// Token registration (管理者5-1) is guarded in the SDK: the bank binds a token to the contract it
/// ships it to on the console, another contract's administrator is answered as for a wrong code, and
/// seven wrong codes block a serial number until the bank releases it on the console.
/// </summary>
public sealed class TokenRegistrationGuardTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Failed = "シリアル番号またはワンタイムパスワードの入力に誤りがあるため、トークンを登録できません。ご確認のうえ、再度入力願います。";
    private const string Blocked = "誤ったワンタイムパスワードを繰り返し入力されたため、このシリアル番号のトークンは登録できなくなりました。お問合せ窓口までご連絡ください。";

    [Fact]
    public async Task A_bound_token_is_refused_for_another_contract_and_seven_wrong_codes_block_a_serial_until_the_bank_releases_it()
    {
        var host = fixture.Host;
        var demo = fixture.Demo;
        DemoContract other;
        await using (var anonymous = await fixture.Browser.NewContextAsync(host))
        {
            var setup = await anonymous.NewPageAsync();
            await AdminJourney.ActivateAsync(setup, host, demo);
            await OperationsJourney.SignInAsync(setup, host);
            other = await OperationsJourney.CreateContractAsync(setup, host, "27182818284", linked: true);
        }

        var pkcs12 = await CertTool.EnrollAdministratorAsync(host, demo, AdminJourney.LoginPin);
        await using var bank = await fixture.Browser.NewContextAsync(host);
        var ops = await bank.NewPageAsync();
        await using var admin = await fixture.Browser.NewContextAsync(host, pkcs12, CertTool.Pkcs12Password);
        var page = await admin.NewPageAsync();
        await Browser.RunAsync(page, nameof(A_bound_token_is_refused_for_another_contract_and_seven_wrong_codes_block_a_serial_until_the_bank_releases_it), async () =>
        {
            await OperationsJourney.SignInAsync(ops, host);
            await AdminJourney.SignInAsync(page, host, demo);
            await UserJourney.RegisterAsync(page, host, "taro01", "BalanceInquiry");

            // The bank ships the demo token to the other contract: the demo administrator's right code is refused.
            await BindAsync(ops, host, demo.TokenSerial, other.ContractId);
            Assert.Contains(Failed, await RegisterAsync(page, host, demo.TokenSerial, demo.TokenCode(host.UtcNow)), StringComparison.Ordinal);

            // Seven wrong codes at the other contract's (unbound) token: the seventh blocks it.
            for (var attempt = 1; attempt <= 7; attempt++)
            {
                var message = await RegisterAsync(page, host, other.TokenSerial, WrongCode(other, host));
                Assert.Contains(attempt < 7 ? Failed : Blocked, message, StringComparison.Ordinal);
            }

            var row = await TokenRowAsync(ops, host, other.TokenSerial);
            Assert.True(await row.Locator("[data-test=token-blocked]").IsVisibleAsync());
            await row.Locator("[data-test=release-token]").ClickAsync();
            Assert.True(await ops.Locator("[data-test=result]").IsVisibleAsync(), await ops.Locator("main").InnerTextAsync());
            Assert.Equal(0, await (await TokenRowAsync(ops, host, other.TokenSerial)).Locator("[data-test=token-blocked]").CountAsync());

            // Bound to the demo contract now: registered.
            await BindAsync(ops, host, demo.TokenSerial, demo.ContractId);
            await UserJourney.RegisterTokenAsync(page, host, demo, "taro01");
            Assert.Equal("Assigned", await (await TokenRowAsync(ops, host, demo.TokenSerial)).Locator("[data-test=token-status]").GetAttributeAsync("data-value"));
        });
    }

    private static async Task<ILocator> TokenRowAsync(IPage ops, SampleHostProcess host, string serial)
    {
        await ops.GotoAsync(new Uri(host.OperationsUrl, "ops/Tokens").ToString());
        return ops.Locator($"[data-test=token-row][data-serial='{serial}']");
    }

    private static async Task BindAsync(IPage ops, SampleHostProcess host, string serial, string contractId)
    {
        var row = await TokenRowAsync(ops, host, serial);
        await row.Locator("[data-test=bind-contract-id]").FillAsync(contractId);
        await row.Locator("[data-test=bind-token]").ClickAsync();
        Assert.Equal(contractId, (await (await TokenRowAsync(ops, host, serial)).Locator("[data-test=token-bound]").InnerTextAsync()).Trim());
    }

    private static async Task<string> RegisterAsync(IPage page, SampleHostProcess host, string serial, string code)
    {
        await page.GotoAsync(new Uri(host.SiteUrl, "Admin/Manage/Users/Token?id=taro01").ToString());
        await page.Locator("[data-test=serial-number]").FillAsync(serial);
        await page.Locator("[data-test=token-code]").FillAsync(code);
        await page.Locator("[data-test=confirmation-pin]").FillAsync(AdminJourney.ConfirmationPin);
        await page.Locator("[data-test=submit]").ClickAsync();
        return await page.Locator("[data-test=errors]").InnerTextAsync();
    }

    /// <summary>A 6-digit code the token does not show now or in the registration window.</summary>
    private static string WrongCode(DemoContract contract, SampleHostProcess host)
    {
        var totp = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(contract.TokenSecret));
        var near = Enumerable.Range(-3, 7).Select(i => totp.ComputeTotp(host.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 1_000).Select(i => $"{123456 + (i * 7919):D6}"[^6..]).First(c => !near.Contains(c));
    }
}
