using Microsoft.Playwright;

namespace BizWeb.SampleHost.Tests;

/// <summary>The administrator's steps of the manual, in the browser, reused by the scenarios.</summary>
public static class AdminJourney
{
    public const string LoginPin = "syacho01";
    public const string ConfirmationPin = "syacho02";

    /// <summary>管理者1-2 … 1-5 with the demo contract's ① and card.</summary>
    public static async Task ActivateAsync(IPage page, SampleHostProcess host, DemoContract demo)
    {
        await page.GotoAsync(new Uri(host.SiteUrl, "Admin/Activation").ToString());
        await page.Locator("[data-test=contract-id]").FillAsync(demo.ContractId);
        await page.Locator("[data-test=registration-pin]").FillAsync(demo.RegistrationPin);
        await page.Locator("[data-test=submit]").ClickAsync();
        await page.Locator("[data-test=registration-pin]").FillAsync(demo.RegistrationPin);
        await page.Locator("[data-test=login-pin]").FillAsync(LoginPin);
        await page.Locator("[data-test=confirmation-pin]").FillAsync(ConfirmationPin);
        await page.Locator("[data-test=email]").FillAsync("admin@example.co.jp");
        await page.Locator("[data-test=submit]").ClickAsync();
        await AnswerCardAsync(page, demo);
        Assert.Equal("管理者開通確認完了", await page.Locator("[data-test=done]").InnerTextAsync());
    }

    /// <summary>管理者3-2 … 3-4: the certificate the context presents, ③, then the card.</summary>
    public static async Task SignInAsync(IPage page, SampleHostProcess host, DemoContract demo)
    {
        await page.GotoAsync(new Uri(host.SiteUrl, "Admin/Login").ToString());
        await page.Locator("[data-test=login-pin]").FillAsync(LoginPin);
        await page.Locator("[data-test=submit]").ClickAsync();
        await AnswerCardAsync(page, demo);
        Assert.Contains("管理者3-4", await page.Locator("[data-test=screen]").InnerTextAsync(), StringComparison.Ordinal);
    }

    public static async Task AnswerCardAsync(IPage page, DemoContract demo)
    {
        var positions = await page.Locator("[data-test=card-positions]").InnerTextAsync();
        await page.Locator("[data-test=card-answer]").FillAsync(demo.Answer(positions));
        await page.Locator("[data-test=submit]").ClickAsync();
    }
}
