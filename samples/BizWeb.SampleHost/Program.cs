using System.Net;
using System.Threading.RateLimiting;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using BizWeb.SampleHost.Operations;
using BizWeb.SampleHost.Pages;
using BizWeb.SampleHost.Sessions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
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
builder.Services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();

// ── Second factors, the bank's CA, mail ──
bizweb.AddCustomerCards().AddHardwareTokens();
var caPassword = DevelopmentCertificates.LoadOrCreateCaKeyPassword(settings);
bizweb.AddCertificateAuthority(builder.Configuration.GetSection("CertificateAuthority"), ca =>
{
    ca.CertificatePath ??= Path.Combine(settings.CaDirectory, "ca.pem");
    ca.PrivateKeyPath ??= Path.Combine(settings.CaDirectory, "ca-key.pem");
    ca.PrivateKeyPassword ??= caPassword;
    ca.CreateIfMissing = ca.CreateIfMissing || !File.Exists(ca.CertificatePath);
    ca.CrlDistributionPoint ??= new Uri(settings.SiteUrl, "crl/bizweb-ca.crl");
});
if (builder.Configuration.GetSection("Smtp").Exists())
{
    bizweb.AddSmtpNotifications(builder.Configuration.GetSection("Smtp"));
}
else
{
    builder.Services.AddSingleton<INotificationSender>(sp =>
        new MailDropNotificationSender(settings.MailDropDirectory, sp.GetRequiredService<ILogger<MailDropNotificationSender>>()));
}

builder.Services.AddHostedService<NotificationDispatchService>();

// DEMO ONLY: the executor seam answered by an in-memory demo ledger that moves no money (a bank's core system goes here).
builder.Services.AddSingleton<ITransferExecutor, DemoLedger>();

// ── Web: sessions, anti-forgery, rate limits, languages ──
builder.Services.AddSingleton<SessionCookieEvents>();
builder.Services.AddScoped<EndedSessions>();
builder.Services.AddAuthentication(SessionPrincipal.Scheme)
    .AddCookie(SessionPrincipal.Scheme, cookie =>
    {
        cookie.Cookie.Name = "__Host-BizWeb.Session";
        cookie.Cookie.Path = "/";
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.ExpireTimeSpan = hostOptions.IdleTimeout;
        cookie.SlidingExpiration = true;
        cookie.TimeProvider = time;
        cookie.EventsType = typeof(SessionCookieEvents);
    });
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(SessionPrincipal.AdministratorRole, p => p.AddAuthenticationSchemes(SessionPrincipal.Scheme).RequireRole(SessionPrincipal.AdministratorRole))
    .AddPolicy(SessionPrincipal.UserRole, p => p.AddAuthenticationSchemes(SessionPrincipal.Scheme).RequireRole(SessionPrincipal.UserRole));
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
builder.Services.AddRateLimiter(limiter =>
{
    limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    // Every PIN and OTP form: a number of submissions per client address and minute. The SDK's
    // lockout protects each credential; this slows one client spraying many of them.
    limiter.AddPolicy(CredentialRateLimit.Policy, context =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(ClientPartition.Of(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = hostOptions.CredentialRequestsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("read"));
});
builder.Services.AddRazorPages(pages =>
{
    pages.Conventions.AuthorizeFolder("/Admin/Manage", SessionPrincipal.AdministratorRole);
    pages.Conventions.AuthorizeFolder("/User/Manage", SessionPrincipal.UserRole);
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
app.UseForwardedClientCertificate(settings);
if (hostOptions.TrustedProxies.Count > 0)
{
    // Behind the configured proxies only: the client's address from X-Forwarded-For (one hop), for the
    // rate limiter's partitions and the audit trail. After the certificate header, which is judged on
    // the proxy's own address.
    var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };
    forwarded.KnownProxies.Clear();
    forwarded.KnownIPNetworks.Clear();
    foreach (var proxy in hostOptions.TrustedProxies)
    {
        forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
    }

    app.UseForwardedHeaders(forwarded);
}

app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages();
app.MapCertificateEndpoints();
app.MapEnrollmentApi();
app.MapOperationsConsole();

app.Lifetime.ApplicationStarted.Register(() => StartupTasks.PrintBanner(settings));
await app.RunAsync();
