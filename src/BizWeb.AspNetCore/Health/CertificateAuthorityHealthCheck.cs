using BizWeb.Certificates;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BizWeb.AspNetCore;

/// <summary>The CA's signing key is loadable (an HSM or key file that went away makes certificate issuance fail).</summary>
internal sealed class CertificateAuthorityHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService(typeof(ICertificateAuthorityKeyProvider)) is not ICertificateAuthorityKeyProvider keys)
        {
            return HealthCheckResult.Healthy("No certificate authority in this host.");
        }

        try
        {
            _ = await keys.GetSignerAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The CA key is loaded.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The CA key could not be loaded ({ex.GetType().Name}).");
        }
    }
}
