namespace BizWeb.SampleHost.Tests;

/// <summary>
/// Issue 9, "more than one instance": two hosts on one PostgreSQL database share everything through
/// it — the stores and the Data Protection key ring — so a session signed in on one continues on the
/// other (the cookie and anti-forgery tokens one made are accepted by the other).
/// </summary>
public sealed class MultiInstanceTests
{
    [Fact]
    public async Task An_administrator_signed_in_on_one_instance_continues_on_the_second()
    {
        using var database = new PostgreSqlDatabase();
        var settings = new Dictionary<string, string> { ["SampleHost:Database"] = "PostgreSql", ["ConnectionStrings:BizWeb"] = database.ConnectionString };
        await using var first = await SampleHostProcess.StartAsync(demo: true, settings: settings);
        // The second instance shares the data folder only for the development CA key and TLS certificate
        // (a bank keeps those in an HSM); everything else it reads from the database.
        await using var second = await SampleHostProcess.StartAsync(demo: false, dataDirectory: first.DataDirectory, settings: settings);
        var demo = DemoContract.Read(first);
        var browser = new Browser();
        await browser.InitializeAsync();
        try
        {
            await SignInOnFirstContinueOnSecondAsync(browser, first, second, demo);
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }

    private static async Task SignInOnFirstContinueOnSecondAsync(Browser browser, SampleHostProcess first, SampleHostProcess second, DemoContract demo)
    {
        await using (var anonymous = await browser.NewContextAsync(first))
        {
            await AdminJourney.ActivateAsync(await anonymous.NewPageAsync(), first, demo);
        }

        var pkcs12 = await CertTool.EnrollAdministratorAsync(first, demo, AdminJourney.LoginPin);
        await using var context = await browser.NewContextAsync(first, pkcs12, CertTool.Pkcs12Password, also: second);
        var page = await context.NewPageAsync();
        await Browser.RunAsync(page, nameof(An_administrator_signed_in_on_one_instance_continues_on_the_second), async () =>
        {
            await AdminJourney.SignInAsync(page, first, demo);

            var response = await page.GotoAsync(new Uri(second.SiteUrl, "Admin/Manage").ToString());
            Assert.Equal(200, response!.Status);
            Assert.Contains("管理者3-4", await page.Locator("[data-test=screen]").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(demo.ContractId, await page.Locator("[data-test=contract-id]").InnerTextAsync());

            // Signing out on the second instance ends the session everywhere: a copy of the cookie taken
            // before is refused by the first instance too (the ended session id is in the database).
            var copied = (await context.CookiesAsync()).Where(c => c.Name == "__Host-BizWeb.Session")
                .Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Secure = c.Secure, HttpOnly = c.HttpOnly, SameSite = c.SameSite }).ToList();
            await page.Locator("header form.signout button").ClickAsync();
            Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "__Host-BizWeb.Session");

            await using var thief = await browser.NewContextAsync(first, pkcs12, CertTool.Pkcs12Password);
            await thief.AddCookiesAsync(copied);
            var stolen = await thief.NewPageAsync();
            await stolen.GotoAsync(new Uri(first.SiteUrl, "Admin/Manage").ToString());
            Assert.Contains("expired=1", stolen.Url, StringComparison.Ordinal);
        });
    }
}
