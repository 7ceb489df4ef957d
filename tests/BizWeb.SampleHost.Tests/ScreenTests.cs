using Microsoft.Playwright;

namespace BizWeb.SampleHost.Tests;

/// <summary>The customer site in a real browser: the portal, the languages, the security posture, the admin activation.</summary>
public sealed class ScreenTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private SampleHostProcess Host => fixture.Host;

    [Fact]
    public async Task The_portal_speaks_the_manuals_Japanese_and_switches_to_English()
    {
        await using var context = await fixture.Browser.NewContextAsync(Host);
        var page = await context.NewPageAsync();
        await Browser.RunAsync(page, nameof(The_portal_speaks_the_manuals_Japanese_and_switches_to_English), async () =>
        {
            var response = await page.GotoAsync(Host.SiteUrl.ToString());
            Assert.Equal(200, response!.Status);
            Assert.Contains("管理者1-1", await page.Locator("[data-test=screen]").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("開通確認", await page.Locator("[data-test=admin-activation]").InnerTextAsync());

            await page.Locator("[data-test=language]").ClickAsync();
            Assert.Equal("Activation", await page.Locator("[data-test=admin-activation]").InnerTextAsync());
            Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        });
    }

    [Fact]
    public async Task Every_page_carries_a_strict_CSP_HSTS_and_no_store_and_the_cookies_are_Host_prefixed()
    {
        await using var context = await fixture.Browser.NewContextAsync(Host);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(new Uri(Host.SiteUrl, "Admin/Activation").ToString());
        var headers = await response!.AllHeadersAsync();

        Assert.Contains("script-src 'self'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.StartsWith("max-age=", headers["strict-transport-security"], StringComparison.Ordinal);
        Assert.Equal("no-store", headers["cache-control"]);
        Assert.Equal("DENY", headers["x-frame-options"]);
        var cookies = await context.CookiesAsync();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c =>
        {
            Assert.StartsWith("__Host-", c.Name, StringComparison.Ordinal);
            Assert.True(c.Secure);
            Assert.True(c.HttpOnly);
            Assert.Equal(SameSiteAttribute.Strict, c.SameSite);
        });
    }

    [Fact]
    public async Task A_forged_anti_forgery_token_is_refused_and_nothing_is_evaluated()
    {
        await using var context = await fixture.Browser.NewContextAsync(Host);
        var page = await context.NewPageAsync();
        await Browser.RunAsync(page, nameof(A_forged_anti_forgery_token_is_refused_and_nothing_is_evaluated), async () =>
        {
            await page.GotoAsync(new Uri(Host.SiteUrl, "Admin/Activation").ToString());
            await page.Locator("[data-test=contract-id]").FillAsync(fixture.Demo.ContractId);
            await page.Locator("[data-test=registration-pin]").FillAsync("0000");
            await page.Locator("main input[name=__RequestVerificationToken]").EvaluateAsync("e => e.value = 'CfDJ8forged'");
            var response = await page.RunAndWaitForResponseAsync(() => page.Locator("[data-test=submit]").ClickAsync(), r => r.Request.Method == "POST");
            Assert.Equal(400, response.Status);
        });
    }

    [Fact]
    public async Task The_operations_console_is_not_served_on_the_customer_site_and_the_site_not_on_the_console()
    {
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator });
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(new Uri(Host.SiteUrl, "ops/"))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(new Uri(Host.OperationsUrl, "Admin/Activation"))).StatusCode);
    }

    [Fact]
    public async Task A_certificate_with_the_right_CN_from_a_foreign_CA_is_refused_at_sign_in()
    {
        var pkcs12 = ForeignCertificates.CreatePkcs12($"{fixture.Demo.ContractId}1286", "foreign");
        await using var context = await fixture.Browser.NewContextAsync(Host, pkcs12, "foreign");
        var page = await context.NewPageAsync();
        await Browser.RunAsync(page, nameof(A_certificate_with_the_right_CN_from_a_foreign_CA_is_refused_at_sign_in), async () =>
        {
            await page.GotoAsync(new Uri(Host.SiteUrl, "Admin/Login").ToString());
            Assert.Contains($"{fixture.Demo.ContractId}1286", await page.Locator("[data-test=certificate]").InnerTextAsync(), StringComparison.Ordinal);
            await page.Locator("[data-test=login-pin]").FillAsync("abc12345");
            await page.Locator("[data-test=submit]").ClickAsync();

            Assert.True(await page.Locator("[data-test=errors]").IsVisibleAsync());
            Assert.Contains("/Admin/Login", page.Url, StringComparison.Ordinal);
            Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "__Host-BizWeb.Session");
        });
    }

    [Fact]
    public void The_data_folder_is_owner_only_and_the_first_operators_secrets_stay_out_of_the_output()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Host.DataDirectory));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(Path.Combine(Host.DataDirectory, "ca")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(Host.DataDirectory, "first-operator.txt")));
        var password = Host.FileValue("first-operator.txt", "operator password:");
        Assert.DoesNotContain(password, Host.Output, StringComparison.Ordinal);
        Assert.Contains("first-operator.txt", Host.Output, StringComparison.Ordinal);
    }
}
