using System.Net;
using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using BizWeb.SampleHost.Operations;
using BizWeb.SampleHost.Pages;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.EntityFrameworkCore;

// --demo is a switch, not a configuration key: take it out before the configuration reads the rest.
var demo = args.Contains("--demo", StringComparer.Ordinal);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args.Where(a => a != "--demo").ToArray(),
    ContentRootPath = AppContext.BaseDirectory,
});
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
LegacySettings.Refuse(builder.Configuration);
var hostOptions = builder.Configuration.GetSection("SampleHost").Get<SampleHostOptions>() ?? new SampleHostOptions();
var settings = new SampleHostSettings(hostOptions);
SampleHostSettings.CreateOwnerOnlyDirectory(settings.DataDirectory);

TimeProvider time = TimeProvider.System;
if (hostOptions.TestClock)
{
    var clock = new AdjustableClock();
    builder.Services.AddSingleton(clock);
    time = clock;
}

builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(time);

// ── Kestrel: the customer site (client certificates allowed, judged by the SDK) and the console ──
var serverCertificate = DevelopmentCertificates.LoadOrCreateServerCertificate(settings, time);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    // Every form and API call here is small; the PSKC upload on the console raises its own limit.
    kestrel.Limits.MaxRequestBodySize = 64 * 1024;
    void Listen(string address, int port, Action<HttpsConnectionAdapterOptions> https)
    {
        if (string.Equals(address, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(port, l => l.UseHttps(https));
        }
        else
        {
            kestrel.Listen(IPAddress.Parse(address), port, l => l.UseHttps(https));
        }
    }

    Listen(hostOptions.SiteAddress, hostOptions.SitePort, https =>
    {
        https.ServerCertificate = serverCertificate;
        // The TLS layer asks for a certificate but decides nothing: the SDK's authenticator checks the
        // chain to the bank's CA, expiry, revocation and that it is the principal's current one.
        https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
        https.ClientCertificateValidation = (_, _, _) => true;
    });
    Listen(hostOptions.OperationsAddress, hostOptions.OperationsPort, https => https.ServerCertificate = serverCertificate);
});

// ── Storage: SQLite file by default, PostgreSQL with one setting ──
var bizweb = builder.Services.AddBizWeb(builder.Configuration.GetSection("BizWeb"));
if (settings.UsesPostgreSql)
{
    var connectionString = builder.Configuration.GetConnectionString("BizWeb")
        ?? throw new InvalidOperationException("SampleHost:Database is PostgreSql but ConnectionStrings:BizWeb is not set.");
    bizweb.AddPostgreSqlStores(connectionString);
    builder.Services.AddDbContext<KeyRingDbContext>(o => o.UseNpgsql(connectionString));
}
else
{
    var connectionString = $"Data Source={settings.SqlitePath}";
    bizweb.AddSqliteStores(connectionString);
    builder.Services.AddDbContext<KeyRingDbContext>(o => o.UseSqlite(connectionString));
}

bizweb.AddStoragePurge();
builder.Services.AddDataProtection()
    .SetApplicationName("BizWeb.SampleHost")
    .PersistKeysToDbContext<KeyRingDbContext>();

// ── Second factors, the bank's CA, mail ──
bizweb.AddCustomerCards().AddHardwareTokens();
var caPassword = DevelopmentCertificates.LoadOrCreateCaKeyPassword(settings);
bizweb.AddCertificateAuthority(ca =>                                // BizWeb:CertificateAuthority, then the development defaults
{
    ca.CertificatePath ??= Path.Combine(settings.CaDirectory, "ca.pem");
    ca.PrivateKeyPath ??= Path.Combine(settings.CaDirectory, "ca-key.pem");
    ca.PrivateKeyPassword ??= caPassword;
    ca.CreateIfMissing = ca.CreateIfMissing || !File.Exists(ca.CertificatePath);
    ca.CrlDistributionPoint ??= new Uri(settings.SiteUrl, "crl/bizweb-ca.crl");
});
if (builder.Configuration.GetSection("BizWeb:Smtp").Exists())
{
    bizweb.AddSmtpNotifications();                                       // BizWeb:Smtp
}
else
{
    builder.Services.AddSingleton<INotificationSender>(sp =>
        new MailDropNotificationSender(settings.MailDropDirectory, sp.GetRequiredService<ILogger<MailDropNotificationSender>>()));
}

// DEMO ONLY: the executor seam answered by an in-memory demo ledger that moves no money (a bank's core system goes here).
builder.Services.AddSingleton<ITransferExecutor, DemoLedger>();

// ── Web: the package's host layer (session scheme, policies, proxies, rate limits, outbox), anti-forgery, languages ──
// Session time-outs, trusted proxies, rate limits, dispatch interval: BizWeb:AspNetCore (the one tree).
bizweb.AddAspNetCore(web => web.SessionEndedPath = "/?expired=1");
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = "__Host-BizWeb.Antiforgery";
    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.HeaderName = null;
});
builder.Services.Configure<CookieTempDataProviderOptions>(o =>
{
    o.Cookie.Name = "__Host-BizWeb.Flow";
    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.Cookie.HttpOnly = true;
});
builder.Services.AddRazorPages(pages =>
{
    pages.Conventions.AuthorizeFolder("/Admin/Manage", BizWebPolicies.Administrator);
    pages.Conventions.AuthorizeFolder("/User/Manage", BizWebPolicies.User);
}).AddMvcOptions(mvc => mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
builder.Services.AddRequestLocalization(o =>
{
    o.SetDefaultCulture("ja-JP").AddSupportedCultures("ja-JP", "en").AddSupportedUICultures("ja-JP", "en");
    o.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = SiteLanguage.CookieName }];
});

builder.AddOperationsConsole(settings);

var app = builder.Build();
await StartupTasks.MigrateAsync(app.Services, settings, CancellationToken.None);
if (demo)
{
    await DemoSeed.RunAsync(app.Services, settings, CancellationToken.None);
}

app.UseExceptionHandler("/Error");
app.UseSecurityHeaders();
app.UseListenerSeparation(settings);
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
// Trusted proxies' certificate header and X-Forwarded-For, the rate limiter, authentication, authorization.
app.UseBizWeb();
app.MapRazorPages();
app.MapBizWeb();
app.MapOperationsConsole();

app.Lifetime.ApplicationStarted.Register(() => StartupTasks.PrintBanner(settings));
await app.RunAsync();
