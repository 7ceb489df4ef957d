using BizWeb.Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BizWeb.AspNetCore;

/// <summary>
/// Queues the certificate expiry reminders (証明書更新のお知らせ) on a timer, when the certificate
/// authority is registered; each reminder is queued once (the SDK marks it sent in the same commit).
/// </summary>
internal sealed partial class CertificateExpiryReminderService(IServiceScopeFactory scopes, IOptions<BizWebAspNetCoreOptions> options, TimeProvider time, ILogger<CertificateExpiryReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryReminderInterval, time);
        try
        {
            do
            {
                await SendOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; the next start (or another instance) sends what is due.
        }
    }

    private async Task SendOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                if (scope.ServiceProvider.GetService<CertificateExpiryReminders>() is { } reminders)
                {
                    var queued = await reminders.SendDueAsync(stoppingToken).ConfigureAwait(false);
                    if (queued > 0)
                    {
                        Queued(logger, queued);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Certificate expiry reminders queued: {Count}.")]
    private static partial void Queued(ILogger logger, int count);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "The certificate expiry reminders failed ({ErrorType}); they are tried again at the next tick.")]
    private static partial void Failed(ILogger logger, string errorType);
}
