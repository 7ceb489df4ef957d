using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BizWeb.SampleHost.Operations;

/// <summary>
/// OpenTelemetry: the SDK's meter and activity source (<c>BizWeb.Auth</c>, see
/// <c>src/BizWeb.Auth/Diagnostics/AuthTelemetry.cs</c>) and ASP.NET Core's instrumentation; metrics are
/// scraped by Prometheus at <c>/ops/metrics</c>, which answers on the operations listener only.
/// Traces are collected for the same sources; add an exporter (e.g. OTLP) to ship them.
/// </summary>
internal static class OperationsTelemetry
{
    public const string SdkSource = "BizWeb.Auth";
    public const string ScrapePath = "/ops/metrics";

    public static IServiceCollection AddOperationsTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("BizWeb.SampleHost"))
            .WithMetrics(metrics => metrics
                .AddMeter(SdkSource)
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(SdkSource)
                .AddAspNetCoreInstrumentation());
        return services;
    }
}
