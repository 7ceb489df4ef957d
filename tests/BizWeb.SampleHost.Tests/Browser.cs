using Microsoft.Playwright;

namespace BizWeb.SampleHost.Tests;

/// <summary>
/// Debian's chromium driven by Playwright (nothing downloads a browser: the executable is
/// <c>/usr/bin/chromium</c>, or <c>BIZWEB_CHROMIUM</c>). One browser per test class; a fresh context
/// (cookies, client certificate) per scenario.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public static string ScreenshotDirectory => Path.Combine(BizWeb.Testing.RepositoryRoot.Find(), "artifacts", "test-results", "screenshots");

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("BIZWEB_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium not found at {executable}: run the README's test command (eng/test.sh installs Debian's chromium) or set BIZWEB_CHROMIUM.");
        }

        _playwright = await Playwright.CreateAsync();
        var arguments = new List<string> { "--disable-dev-shm-usage" };
        if (Environment.UserName == "root")
        {
            arguments.Add("--no-sandbox");
        }

        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = arguments });
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null)
        {
            await Instance.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A new context that accepts the host's development TLS certificate and, when given, presents a client certificate to the site.</summary>
    public Task<IBrowserContext> NewContextAsync(SampleHostProcess host, string? pkcs12Path = null, string? pkcs12Password = null, SampleHostProcess? also = null)
    {
        var options = new BrowserNewContextOptions { IgnoreHTTPSErrors = true, Locale = "ja-JP", ViewportSize = new ViewportSize { Width = 1100, Height = 900 } };
        if (pkcs12Path is not null)
        {
            options.ClientCertificates = new[] { host, also }.OfType<SampleHostProcess>()
                .Select(h => new ClientCertificate { Origin = h.SiteUrl.GetLeftPart(UriPartial.Authority), PfxPath = pkcs12Path, Passphrase = pkcs12Password })
                .ToList();
        }

        return Instance.NewContextAsync(options);
    }

    /// <summary>Runs a scenario on a page; on failure saves a full-page screenshot named after it, then rethrows.</summary>
    public static async Task RunAsync(IPage page, string name, Func<Task> scenario)
    {
        try
        {
            await scenario();
        }
        catch
        {
            Directory.CreateDirectory(ScreenshotDirectory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"FAILED-{name}.png"), FullPage = true });
            throw;
        }
    }
}
