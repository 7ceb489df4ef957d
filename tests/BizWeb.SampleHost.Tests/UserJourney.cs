using Microsoft.Playwright;

namespace BizWeb.SampleHost.Tests;

/// <summary>The administrator's user management and the user's own steps of the manual, in the browser.</summary>
public static class UserJourney
{
    public const string TemporaryLoginPin = "kari01";
    public const string TemporaryConfirmationPin = "kari02";
    public const string LoginPin = "taro01";
    public const string ConfirmationPin = "taro02";

    /// <summary>管理者4-1 → 4-2 → 4-3: registers a user with the given services, certificate issuance on.</summary>
    public static async Task RegisterAsync(IPage page, SampleHostProcess host, string userId, params string[] services)
    {
        await page.GotoAsync(new Uri(host.SiteUrl, "Admin/Manage/Users").ToString());
        await page.Locator("[data-test=new-user]").ClickAsync();
        await page.Locator("[data-test=user-id]").FillAsync(userId);
        await page.Locator("[data-test=name-kana]").FillAsync("シンキン タロウ");
        await page.Locator("[data-test=temporary-login-pin]").FillAsync(TemporaryLoginPin);
        await page.Locator("[data-test=temporary-confirmation-pin]").FillAsync(TemporaryConfirmationPin);
        await page.Locator("[data-test=email]").FillAsync($"{userId}@example.co.jp");
        await page.Locator("[data-test=issue-certificate-yes]").CheckAsync();
        foreach (var service in services)
        {
            await page.Locator($"[data-test=service-{service}]").CheckAsync();
        }

        await page.Locator("[data-test=confirmation-pin]").FillAsync(AdminJourney.ConfirmationPin);
        await page.Locator("[data-test=submit]").ClickAsync();
        Assert.Equal(userId, await page.Locator("[data-test=registered-user-id]").InnerTextAsync());
    }

    /// <summary>管理者5-1: the demo token to the user, with its current code and ④.</summary>
    public static async Task RegisterTokenAsync(IPage page, SampleHostProcess host, DemoContract demo, string userId)
    {
        await page.GotoAsync(new Uri(host.SiteUrl, $"Admin/Manage/Users/Token?id={userId}").ToString());
        await page.Locator("[data-test=serial-number]").FillAsync(demo.TokenSerial);
        await page.Locator("[data-test=token-code]").FillAsync(demo.TokenCode(host.UtcNow));
        await page.Locator("[data-test=confirmation-pin]").FillAsync(AdminJourney.ConfirmationPin);
        await page.Locator("[data-test=submit]").ClickAsync();
        Assert.True(await page.Locator("[data-test=done], [data-test=notices]").First.IsVisibleAsync(), await page.Locator("main").InnerTextAsync());
    }

    /// <summary>利用者7-2 … 7-5 with the certificate the context presents.</summary>
    public static async Task ActivateAsync(IPage page, SampleHostProcess host)
    {
        await page.GotoAsync(new Uri(host.SiteUrl, "User/Activation").ToString());
        await page.Locator("[data-test=login-pin]").FillAsync(TemporaryLoginPin);
        await page.Locator("[data-test=submit]").ClickAsync();
        await page.Locator("[data-test=temporary-login-pin]").FillAsync(TemporaryLoginPin);
        await page.Locator("[data-test=new-login-pin]").FillAsync(LoginPin);
        await page.Locator("[data-test=temporary-confirmation-pin]").FillAsync(TemporaryConfirmationPin);
        await page.Locator("[data-test=new-confirmation-pin]").FillAsync(ConfirmationPin);
        await page.Locator("[data-test=submit]").ClickAsync();
        Assert.Contains("利用者開通確認完了", await page.Locator("[data-test=done]").InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>利用者8-2 → 8-3.</summary>
    public static async Task SignInAsync(IPage page, SampleHostProcess host, string pin = LoginPin)
    {
        await page.GotoAsync(new Uri(host.SiteUrl, "User/Login").ToString());
        await page.Locator("[data-test=login-pin]").FillAsync(pin);
        await page.Locator("[data-test=submit]").ClickAsync();
    }
}
