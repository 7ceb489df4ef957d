using BizWeb.Auth;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BizWeb.AspNetCore;

/// <summary>The database answers (one count of pending security e-mails), and the outbox is not backed up beyond <see cref="BizWebAspNetCoreOptions.OutboxBacklogLimit"/>.</summary>
internal sealed class StorageHealthCheck(INotificationOutbox outbox, IOptions<BizWebAspNetCoreOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await outbox.CountPendingAsync(cancellationToken).ConfigureAwait(false);
            return pending > options.Value.OutboxBacklogLimit
                ? HealthCheckResult.Degraded($"{pending} security e-mails pending.")
                : HealthCheckResult.Healthy($"{pending} security e-mails pending.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The type only: a provider's message may name hosts or users.
            return HealthCheckResult.Unhealthy($"The store did not answer ({ex.GetType().Name}).");
        }
    }
}
