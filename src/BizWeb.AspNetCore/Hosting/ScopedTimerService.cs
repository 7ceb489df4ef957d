using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BizWeb.AspNetCore;

/// <summary>
/// Runs one piece of the SDK's background work in a scope of its own, at start and then on every tick
/// of the host's clock; a failed run is reported and tried again at the next tick, and stopping the
/// host leaves what is due to the next start (or another instance).
/// </summary>
internal abstract class ScopedTimerService(IServiceScopeFactory scopes, TimeProvider time) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>One run; answers how many items it handled.</summary>
    protected abstract Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected abstract void Handled(int count);

    /// <summary>Reports a failed run by the exception's type only (a message may quote an address or a host).</summary>
    protected abstract void Failed(string errorType);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still due goes out at the next start (or from another instance).
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var count = await RunAsync(scope.ServiceProvider, stoppingToken).ConfigureAwait(false);
                if (count > 0)
                {
                    Handled(count);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed(ex.GetType().Name);
        }
    }
}
