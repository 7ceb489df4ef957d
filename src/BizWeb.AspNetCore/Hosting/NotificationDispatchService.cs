using BizWeb.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BizWeb.AspNetCore;

/// <summary>Runs the SDK's outbox dispatcher on a timer: security e-mails leave only for committed changes, each claimed once across instances.</summary>
internal sealed partial class NotificationDispatchService(IServiceScopeFactory scopes, IOptions<BizWebAspNetCoreOptions> options, TimeProvider time, ILogger<NotificationDispatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DispatchInterval, time);
        try
        {
            do
            {
                await DispatchOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; what is still due goes out at the next start (or from another instance).
        }
    }

    private async Task DispatchOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var sent = await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(stoppingToken).ConfigureAwait(false);
                if (sent > 0)
                {
                    Dispatched(logger, sent);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception's type only: a sender's message may quote an address.
            DispatchFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Security e-mails sent: {Count}.")]
    private static partial void Dispatched(ILogger logger, int count);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "The outbox dispatch failed ({ErrorType}); it is tried again at the next tick.")]
    private static partial void DispatchFailed(ILogger logger, string errorType);
}
