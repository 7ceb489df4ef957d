using BizWeb.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BizWeb.AspNetCore;

/// <summary>Runs the SDK's outbox dispatcher on a timer: security e-mails leave only for committed changes, each claimed once across instances.</summary>
internal sealed partial class NotificationDispatchService(IServiceScopeFactory scopes, IOptions<BizWebAspNetCoreOptions> options, TimeProvider time, ILogger<NotificationDispatchService> logger)
    : ScopedTimerService(scopes, time)
{
    protected override TimeSpan Interval => options.Value.DispatchInterval;

    protected override async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(cancellationToken).ConfigureAwait(false);

    protected override void Handled(int count) => Dispatched(logger, count);

    protected override void Failed(string errorType) => DispatchFailed(logger, errorType);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Security e-mails sent: {Count}.")]
    private static partial void Dispatched(ILogger logger, int count);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "The outbox dispatch failed ({ErrorType}); it is tried again at the next tick.")]
    private static partial void DispatchFailed(ILogger logger, string errorType);
}
