using Microsoft.Playwright;

namespace BizWeb.SampleHost.Tests;

/// <summary>The transfer screens (利用者9-1, 9-2) and the administrator's debit account (P.16 ①), in the browser.</summary>
public static class TransferJourney
{
    /// <summary>P.16 ① ご契約先口座情報: one debit account, branch 001, ordinary 1234567, with the given limits.</summary>
    public static async Task RegisterDebitAccountAsync(IPage page, SampleHostProcess host, long? perTransfer = null, long? perDay = null)
    {
        await page.GotoAsync(new Uri(host.SiteUrl, "Admin/Manage/Settings/Accounts").ToString());
        await page.Locator("[data-test=account-0-branch]").FillAsync("001");
        await page.Locator("[data-test=account-0-number]").FillAsync("1234567");
        await page.Locator("[data-test=account-0-per-transfer]").FillAsync(perTransfer?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        await page.Locator("[data-test=account-0-per-day]").FillAsync(perDay?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        await page.Locator("[data-test=confirmation-pin]").FillAsync(AdminJourney.ConfirmationPin);
        await page.Locator("[data-test=submit]").ClickAsync();
        Assert.Equal(1, await page.Locator("[data-test=debit-account]").CountAsync());
    }

    /// <summary>資金移動内容入力 → 利用者9-1: a transfer to another bank, reviewed; answers the confirmation page.</summary>
    public static async Task DraftAsync(IPage page, SampleHostProcess host, long amount, DateOnly? executionDate = null)
    {
        await page.GotoAsync(new Uri(host.SiteUrl, "User/Manage/Transfers/New").ToString());
        await page.Locator("[data-test=payee-bank]").FillAsync("0005");
        await page.Locator("[data-test=payee-branch]").FillAsync("123");
        await page.Locator("[data-test=payee-account]").FillAsync("7654321");
        await page.Locator("[data-test=payee-name]").FillAsync("ｶ)ﾏﾙﾊﾞﾂｼﾖｳｼﾞ");
        await page.Locator("[data-test=amount]").FillAsync(amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (executionDate is { } date)
        {
            await page.Locator("[data-test=execution-date]").FillAsync(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        await page.Locator("[data-test=submit]").ClickAsync();
    }

    /// <summary>利用者9-1 → 9-2 with a token code.</summary>
    public static async Task ConfirmAsync(IPage page, string tokenCode)
    {
        await page.Locator("[data-test=token-code]").FillAsync(tokenCode);
        await page.Locator("[data-test=submit]").ClickAsync();
    }
}
