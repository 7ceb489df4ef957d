using BizWeb.Auth;

namespace BizWeb.SampleHost.Hosting;

/// <summary>Runs the SDK's outbox dispatcher on a timer: security e-mails leave only for committed changes.</summary>
internal sealed class NotificationDispatchService(IServiceScopeFactory scopes, SampleHostSettings settings, ILogger<NotificationDispatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Options.DispatchInterval);
        try
        {
            do
            {
                await DispatchOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
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
            await using var scope = scopes.CreateAsyncScope();
            var sent = await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(stoppingToken);
            if (sent > 0)
            {
                SampleHostLog.Dispatched(logger, sent);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SampleHostLog.DispatchFailed(logger, ex);
        }
    }
}
