using Microsoft.Playwright;

namespace BizWeb.SampleHost.Tests;

/// <summary>The bank's side of the manual on the operations console (運用端末), in the browser.</summary>
public static class OperationsJourney
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SampleHostProcess, IReadOnlyList<Cookie>> Sessions = new();

    /// <summary>
    /// Signs in the first operator with the password and TOTP seed the host printed once. A code is
    /// accepted once per 30-second step (replay protection), so later scenarios on the same host
    /// reuse the operator's session cookie instead of signing in again.
    /// </summary>
    public static async Task SignInAsync(IPage page, SampleHostProcess host)
    {
        if (Sessions.TryGetValue(host, out var cookies))
        {
            await page.Context.AddCookiesAsync(cookies);
            return;
        }

        const string File = "first-operator.txt";
        var uri = new Uri(host.FileValue(File, "operator totp:"));
        var secret = System.Web.HttpUtility.ParseQueryString(uri.Query)["secret"]!;
        await page.GotoAsync(new Uri(host.OperationsUrl, "ops/SignIn").ToString());
        await page.Locator("[data-test=operator-id]").FillAsync(host.FileValue(File, "operator:"));
        await page.Locator("[data-test=operator-password]").FillAsync(host.FileValue(File, "operator password:"));
        await page.Locator("[data-test=operator-code]").FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow));
        await page.Locator("[data-test=sign-in]").ClickAsync();
        Assert.True(await page.Locator("[data-test=ops-status]").IsVisibleAsync(), await page.Locator("body").InnerTextAsync());
        var session = (await page.Context.CookiesAsync()).Where(c => c.Name.Contains("Ops", StringComparison.Ordinal))
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Secure = c.Secure, HttpOnly = c.HttpOnly, SameSite = c.SameSite, Expires = c.Expires })
            .ToList();
        Sessions.AddOrUpdate(host, session);
    }

    /// <summary>Creates a contract with its card and a software token; returns what the customer is handed.</summary>
    public static async Task<DemoContract> CreateContractAsync(IPage page, SampleHostProcess host, string contractId, bool linked)
    {
        await page.GotoAsync(new Uri(host.OperationsUrl, "ops/Contracts/Create").ToString());
        await page.Locator("[data-test=contract-id]").FillAsync(contractId);
        await page.Locator(linked ? "[data-test=lockout-linked]" : "[data-test=lockout-unlinked]").CheckAsync();
        await page.Locator("[data-test=issue-card]").CheckAsync();
        await page.Locator("[data-test=create-contract]").ClickAsync();
        var registrationPin = await page.Locator("[data-test=registration-pin]").InnerTextAsync();
        var card = new Dictionary<string, string>();
        foreach (var cell in await page.Locator("[data-test=card-value]").AllAsync())
        {
            card[(await cell.GetAttributeAsync("data-position"))!] = (await cell.InnerTextAsync()).Trim();
        }

        Assert.Equal(8, card.Count);
        var serial = $"TK{contractId}";
        await page.GotoAsync(new Uri(host.OperationsUrl, "ops/Tokens").ToString());
        await page.Locator("[data-test=create-software-token-form] [data-test=serial-number]").FillAsync(serial);
        await page.Locator("[data-test=account-name]").FillAsync(contractId);
        await page.Locator("[data-test=create-software-token]").ClickAsync();
        var tokenUri = new Uri((await page.Locator("[data-test=token-uri]").InnerTextAsync()).Trim());
        var secret = System.Web.HttpUtility.ParseQueryString(tokenUri.Query)["secret"]!;
        return new DemoContract(contractId, registrationPin.Trim(), card, serial, secret);
    }

    /// <summary>暗証番号ロック解除 of a stopped contract (Q3-2): the administrator must then activate again.</summary>
    public static async Task UnlockContractAsync(IPage page, SampleHostProcess host, string contractId)
    {
        await page.GotoAsync(new Uri(host.OperationsUrl, $"ops/Contracts?contractId={contractId}").ToString());
        await page.Locator("[data-test=unlock-contract]").ClickAsync();
        Assert.Equal("AwaitingReactivation", await page.Locator("[data-test=contract-state]").GetAttributeAsync("data-value"));
    }

    public static async Task<string> ContractStateAsync(IPage page, SampleHostProcess host, string contractId)
    {
        await page.GotoAsync(new Uri(host.OperationsUrl, $"ops/Contracts?contractId={contractId}").ToString());
        return (await page.Locator("[data-test=contract-state]").GetAttributeAsync("data-value"))!;
    }

    public static async Task<string> UserStateAsync(IPage page, SampleHostProcess host, string contractId, string userId)
    {
        await page.GotoAsync(new Uri(host.OperationsUrl, $"ops/Contracts?contractId={contractId}").ToString());
        return (await page.Locator($"[data-test=user-row][data-user-id='{userId}'] [data-test=user-state]").GetAttributeAsync("data-value"))!;
    }
}
