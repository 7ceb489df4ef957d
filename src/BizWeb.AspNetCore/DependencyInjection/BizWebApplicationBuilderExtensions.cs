using System.Net;
using BizWeb.AspNetCore;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary><c>app.UseBizWeb()</c> and <c>app.MapBizWeb()</c>.</summary>
public static class BizWebApplicationBuilderExtensions
{
    /// <summary>
    /// The host layer's middleware, in its order: the client certificate from a trusted proxy's header
    /// (judged on the proxy's own address), <c>X-Forwarded-For</c> from the same proxies (one hop), the
    /// rate limiter, authentication (the session validated through the SDK) and authorization. Call it
    /// after <c>UseRouting()</c> when the application calls that itself, and do not call those
    /// middlewares again.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseBizWeb(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<BizWebAspNetCoreOptions>>().Value;
        var proxies = options.TrustedProxies.Select(IPAddress.Parse).ToHashSet();
        var certificates = new ForwardedClientCertificate(proxies, options.ClientCertificateHeader);
        app.Use(certificates.InvokeAsync);
        if (proxies.Count > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                forwarded.KnownProxies.Add(proxy);
            }

            app.UseForwardedHeaders(forwarded);
        }

        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// Maps the host layer's endpoints: the certificate tool's enrollment API (<see cref="BizWebEndpoints.EnrollmentPath"/>,
    /// rate limited), the CRL and the CA certificate (when the certificate authority is registered), and
    /// the health checks (<see cref="BizWebEndpoints.HealthPath"/>, status only).
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <returns>The application.</returns>
    public static IEndpointRouteBuilder MapBizWeb(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var registered = endpoints.ServiceProvider.GetService<IServiceProviderIsService>();
        endpoints.MapBizWebEnrollment();
        if (registered?.IsService(typeof(BizWeb.Certificates.CertificateAuthority)) != false)
        {
            endpoints.MapBizWebCertificateAuthority();
        }

        endpoints.MapHealthChecks(BizWebEndpoints.HealthPath);
        return endpoints;
    }

    /// <summary>Maps the certificate tool's enrollment API at <see cref="BizWebEndpoints.EnrollmentPath"/>.</summary>
    /// <param name="endpoints">The application.</param>
    /// <returns>The group, for further conventions.</returns>
    public static RouteGroupBuilder MapBizWebEnrollment(this IEndpointRouteBuilder endpoints) => EnrollmentEndpoints.Map(endpoints);

    /// <summary>Maps the CRL (<see cref="BizWebEndpoints.CrlPath"/>) and the CA certificate (<see cref="BizWebEndpoints.CaCertificatePath"/>).</summary>
    /// <param name="endpoints">The application.</param>
    /// <returns>The group, for further conventions.</returns>
    public static RouteGroupBuilder MapBizWebCertificateAuthority(this IEndpointRouteBuilder endpoints) => CertificateAuthorityEndpoints.Map(endpoints);
}
