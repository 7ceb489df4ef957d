using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>Runs <see cref="BizWebStoragePurge"/> every <see cref="StorageRetentionOptions.Interval"/>; a failed run is logged and retried at the next tick.</summary>
internal sealed partial class StoragePurgeService : BackgroundService
{
    private readonly BizWebStoragePurge _purge;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;

    public StoragePurgeService(BizWebStoragePurge purge, TimeProvider time, IOptions<StorageRetentionOptions> options, ILoggerFactory? loggers)
    {
        _purge = purge;
        _time = time;
        _interval = options.Value.Interval;
        _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("BizWeb.Storage.Purge");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        do
        {
            try
            {
                var result = await _purge.PurgeAsync(stoppingToken).ConfigureAwait(false);
                Purged(_logger, result.Tickets, result.Notifications, result.Counters);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                PurgeFailed(_logger, exception.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Storage purge deleted {Tickets} tickets, {Notifications} notifications, {Counters} counters")]
    private static partial void Purged(ILogger logger, int tickets, int notifications, int counters);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Storage purge failed with {ErrorType}; it runs again at the next interval")]
    private static partial void PurgeFailed(ILogger logger, string errorType);
}
