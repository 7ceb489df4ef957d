using System.Threading.RateLimiting;
using BizWeb.AspNetCore;
using BizWeb.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary><c>services.AddBizWeb(…).AddAspNetCore(…)</c>: the host layer.</summary>
public static class BizWebAspNetCoreBuilderExtensions
{
    /// <summary>
    /// Registers the host layer: the session cookie scheme <see cref="BizWebAuthenticationDefaults.Scheme"/>
    /// (<c>__Host-</c>, Secure, HttpOnly, SameSite=Strict, idle and absolute time-outs, validated through the
    /// SDK on every request and signed out on the server), the policies <see cref="BizWebPolicies.Administrator"/>,
    /// <see cref="BizWebPolicies.User"/> and <see cref="BizWebPolicies.Service"/>, the rate-limiter policy
    /// <see cref="BizWebRateLimiting.CredentialPolicy"/>, the outbox dispatcher and certificate expiry
    /// reminders as hosted services, the health checks, and Data Protection as the
    /// <see cref="ISecretProtector"/> unless one is registered. Options are bound from
    /// <c>BizWeb:AspNetCore</c> when <c>AddBizWeb</c> was given the <c>BizWeb</c> section, then
    /// <paramref name="configure"/>; they are validated at start-up. Use <c>app.UseBizWeb()</c> and
    /// <c>app.MapBizWeb()</c> on the application.
    /// </summary>
    /// <param name="builder">The builder from <c>AddBizWeb</c>.</param>
    /// <param name="configure">Sets options in code.</param>
    /// <returns>The builder.</returns>
    public static BizWebBuilder AddAspNetCore(this BizWebBuilder builder, Action<BizWebAspNetCoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<BizWebAspNetCoreOptions>().ValidateOnStart();
        if (builder.PackageSection("AspNetCore") is { } section)
        {
            options.Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BizWebAspNetCoreOptions>, BizWebAspNetCoreOptionsValidator>());
        services.TryAddScoped(sp => new EndedSessions(sp.GetRequiredService<ICredentialCounterStore>(), sp.GetRequiredService<TimeProvider>()));

        AddSessionScheme(services);
        AddPolicies(services);
        AddRateLimits(services);

        services.AddDataProtection();
        services.TryAddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        services.AddHostedService<NotificationDispatchService>();
        services.AddHostedService<CertificateExpiryReminderService>();
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("bizweb-storage", tags: ["bizweb"])
            .AddCheck<CertificateAuthorityHealthCheck>("bizweb-certificate-authority", tags: ["bizweb"]);
        return builder;
    }

    private static void AddSessionScheme(IServiceCollection services)
    {
        services.TryAddSingleton<SessionCookieEvents>();
        services.AddAuthentication(BizWebAuthenticationDefaults.Scheme).AddCookie(BizWebAuthenticationDefaults.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(BizWebAuthenticationDefaults.Scheme)
            .Configure<IOptions<BizWebAspNetCoreOptions>, TimeProvider>((cookie, bizweb, time) =>
            {
                var o = bizweb.Value;
                cookie.Cookie.Name = o.CookieName;
                cookie.Cookie.Path = "/";
                cookie.Cookie.Domain = null;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.IsEssential = true;
                cookie.ExpireTimeSpan = o.IdleTimeout;
                cookie.SlidingExpiration = true;
                cookie.TimeProvider = time;
                cookie.EventsType = typeof(SessionCookieEvents);
            });
    }

    private static void AddPolicies(IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(BizWebPolicies.Administrator, p => p.AddAuthenticationSchemes(BizWebAuthenticationDefaults.Scheme).RequireRole(BizWebAuthenticationDefaults.AdministratorRole))
            .AddPolicy(BizWebPolicies.User, p => p.AddAuthenticationSchemes(BizWebAuthenticationDefaults.Scheme).RequireRole(BizWebAuthenticationDefaults.UserRole));

        // Wrap the provider registered so far (the host's own, or ASP.NET Core's default) rather than replace it.
        var inner = services.Last(d => d.ServiceType == typeof(IAuthorizationPolicyProvider) && !d.IsKeyedService);
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationPolicyProvider>(sp => new BizWebAuthorizationPolicyProvider(Create(sp, inner), sp.GetRequiredService<IOptions<AuthorizationOptions>>())));
    }

    private static IAuthorizationPolicyProvider Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IAuthorizationPolicyProvider)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    private static void AddRateLimits(IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<BizWebAspNetCoreOptions>>((limiter, bizweb) =>
        {
            var o = bizweb.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per client: the policy on the credential endpoints.
            limiter.AddPolicy(BizWebRateLimiting.CredentialPolicy, context =>
                BizWebRateLimiting.Counts(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientPartition.Of(context.Connection.RemoteIpAddress), _ => Window(o.CredentialPostsPerClientPerMinute))
                    : RateLimitPartition.GetNoLimiter("a-read"));
            // Per contract, whatever the client: a global limiter that only counts the same posts.
            var perContract = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsCredentialPost(context) && ContractPartition.Of(context) is { } contract
                    ? RateLimitPartition.GetFixedWindowLimiter(contract, _ => Window(o.CredentialPostsPerContractPerMinute))
                    : RateLimitPartition.GetNoLimiter("not-a-contract-post"));
            limiter.GlobalLimiter = limiter.GlobalLimiter is { } existing ? PartitionedRateLimiter.CreateChained(existing, perContract) : perContract;
        });
    }

    private static bool IsCredentialPost(HttpContext context) =>
        BizWebRateLimiting.Counts(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == BizWebRateLimiting.CredentialPolicy;

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };
}
