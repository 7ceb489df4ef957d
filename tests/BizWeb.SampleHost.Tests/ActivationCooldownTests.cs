namespace BizWeb.SampleHost.Tests;

/// <summary>
/// SPEC.md §4 (Q1-5, Q5-5): an activation abandoned midway blocks a new one for 15 minutes; the host
/// runs on test mode's clock, moved forward through the operations listener.
/// </summary>
public sealed class ActivationCooldownTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Interrupted = "開通確認処理が途中で中断されたため、開通確認ができません。しばらくお待ちいただいてから、再度開通確認を行ってください。";

    [Fact]
    public async Task An_interrupted_activation_blocks_for_15_minutes_then_the_activation_completes_with_the_card()
    {
        var host = fixture.Host;
        var demo = fixture.Demo;
        await using var context = await fixture.Browser.NewContextAsync(host);
        var page = await context.NewPageAsync();
        await Browser.RunAsync(page, nameof(An_interrupted_activation_blocks_for_15_minutes_then_the_activation_completes_with_the_card), async () =>
        {
            // 管理者1-2 → 1-3, then the browser "closes".
            await BeginAsync(page, host, demo);
            Assert.Contains("管理者1-3", await page.Locator("[data-test=screen]").InnerTextAsync(), StringComparison.Ordinal);

            await BeginAsync(page, host, demo);
            Assert.Contains(Interrupted, await page.Locator("[data-test=errors]").InnerTextAsync(), StringComparison.Ordinal);

            await host.AdvanceClockAsync(TimeSpan.FromMinutes(14));
            await BeginAsync(page, host, demo);
            Assert.Contains(Interrupted, await page.Locator("[data-test=errors]").InnerTextAsync(), StringComparison.Ordinal);

            await host.AdvanceClockAsync(TimeSpan.FromMinutes(1));
            await BeginAsync(page, host, demo);
            Assert.Contains("管理者1-3", await page.Locator("[data-test=screen]").InnerTextAsync(), StringComparison.Ordinal);

            await page.Locator("[data-test=registration-pin]").FillAsync(demo.RegistrationPin);
            await page.Locator("[data-test=login-pin]").FillAsync("syacho01");
            await page.Locator("[data-test=confirmation-pin]").FillAsync("syacho02");
            await page.Locator("[data-test=email]").FillAsync("admin@example.co.jp");
            await page.Locator("[data-test=submit]").ClickAsync();
            Assert.Contains("管理者1-4", await page.Locator("[data-test=screen]").InnerTextAsync(), StringComparison.Ordinal);

            var positions = await page.Locator("[data-test=card-positions]").InnerTextAsync();
            await page.Locator("[data-test=card-answer]").FillAsync(demo.Answer(positions));
            await page.Locator("[data-test=submit]").ClickAsync();
            Assert.Equal("管理者開通確認完了", await page.Locator("[data-test=done]").InnerTextAsync());
        });
    }

    private static async Task BeginAsync(Microsoft.Playwright.IPage page, SampleHostProcess host, DemoContract demo)
    {
        await page.GotoAsync(new Uri(host.SiteUrl, "Admin/Activation").ToString());
        await page.Locator("[data-test=contract-id]").FillAsync(demo.ContractId);
        await page.Locator("[data-test=registration-pin]").FillAsync(demo.RegistrationPin);
        await page.Locator("[data-test=submit]").ClickAsync();
    }
}
