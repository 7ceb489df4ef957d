using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BizWeb.SampleHost.Operations;

/// <summary>
/// The bank's operations console (運用端末) at <c>/ops</c>: its own cookie scheme and policy on the whole
/// <c>/Ops</c> page folder (the sign-in and language pages excepted), the operator directory with its
/// first-run operator, OpenTelemetry with the Prometheus scrape endpoint, and the test clock endpoint
/// in test mode. <see cref="ListenerSeparation"/> keeps all of it on the operations listener.
/// </summary>
internal static class OperationsConsole
{
    public const string SignInPath = "/ops/SignIn";

    public static WebApplicationBuilder AddOperationsConsole(this WebApplicationBuilder builder, SampleHostSettings settings)
    {
        var services = builder.Services;
        services.AddSingleton<OperatorDirectory>();
        services.AddScoped<OperatorAudit>();
        services.AddScoped<OperatorSignIn>();
        services.AddScoped<IBankOperatorAuthenticator, OperatorAuthenticator>();
        services.AddSingleton<OperatorSessionEvents>();
        services.AddHostedService<OperatorBootstrap>();

        services.AddAuthentication().AddCookie(OperatorSession.Scheme, cookie =>
        {
            cookie.Cookie.Name = OperatorSession.CookieName;
            cookie.Cookie.Path = "/";
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.IsEssential = true;
            cookie.ExpireTimeSpan = OperatorSession.IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = SignInPath;
            cookie.AccessDeniedPath = SignInPath;
            cookie.LogoutPath = "/ops/SignOut";
            // The operators' sessions run on the real clock: moving the test clock must not sign them out.
            cookie.TimeProvider = TimeProvider.System;
            cookie.EventsType = typeof(OperatorSessionEvents);
        });
        services.AddAuthorizationBuilder().AddPolicy(OperatorSession.Policy, policy => policy
            .AddAuthenticationSchemes(OperatorSession.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(OperatorSession.OperatorClaim));
        services.Configure<RazorPagesOptions>(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Ops", OperatorSession.Policy);
            pages.Conventions.AllowAnonymousToPage("/Ops/SignIn");
            pages.Conventions.AllowAnonymousToPage("/Ops/Language");
            if (!settings.Options.TestClock)
            {
                // Not merely refused: without test mode the page has no route at all.
                pages.Conventions.AddPageRouteModelConvention("/Ops/TestClock", model => model.Selectors.Clear());
            }
        });
        services.AddOperationsTelemetry();
        return builder;
    }

    public static WebApplication MapOperationsConsole(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(OperationsTelemetry.ScrapePath);
        app.MapTestClock();
        return app;
    }
}
