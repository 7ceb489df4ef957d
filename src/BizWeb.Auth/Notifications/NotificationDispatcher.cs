using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BizWeb.Auth;

/// <summary>
/// Delivers the outbox through <see cref="INotificationSender"/>. Each notification is claimed
/// atomically before it is sent, so parallel dispatchers never send it at the same time; a failure
/// is retried with exponential backoff; after <see cref="NotificationOptions.MaxAttempts"/> it is
/// abandoned and stays visible to operators. The notification id is the e-mail's idempotency key.
/// Hosts call <see cref="DispatchDueAsync"/> on a timer (the sample host runs it as a background service).
/// </summary>
public sealed class NotificationDispatcher
{
    private readonly INotificationOutbox _outbox;
    private readonly INotificationSender _sender;
    private readonly BankClock _clock;
    private readonly BizWebOptions _options;
    private readonly ILogger _logger;

    internal NotificationDispatcher(INotificationOutbox outbox, INotificationSender sender, BankClock clock, IOptions<BizWebOptions> options, ILoggerFactory? loggerFactory = null)
    {
        _clock = clock;
        _options = options.Value;
        _logger = AuthLog.Logger(loggerFactory);
        _outbox = outbox;
        _sender = sender;
    }

    /// <summary>Sends what is due now, one batch.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many notifications were delivered.</returns>
    public async ValueTask<int> DispatchDueAsync(CancellationToken cancellationToken = default)
    {
        using var activity = AuthTelemetry.ActivitySource.StartActivity("BizWeb.Auth.DispatchNotifications");
        var options = _options.Notifications;
        var due = await _outbox.ListDueAsync(_clock.Now, options.BatchSize, cancellationToken).ConfigureAwait(false);
        var delivered = 0;
        foreach (var notification in due)
        {
            var now = _clock.Now;
            if (!await _outbox.TryClaimAsync(notification.Id, notification.Attempts, now, now + options.ClaimLease, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var attempt = notification.Attempts + 1;
            try
            {
                await _sender.SendAsync(NotificationTemplates.Render(notification, _clock.TimeZone), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var abandoned = attempt >= options.MaxAttempts;
                var delay = TimeSpan.FromTicks(Math.Min(options.MaxRetryDelay.Ticks, options.InitialRetryDelay.Ticks * (1L << Math.Min(attempt - 1, 30))));
                var errorType = ex.GetType().Name;
                await _outbox.MarkFailedAsync(notification.Id, _clock.Now + delay, errorType, abandoned, cancellationToken).ConfigureAwait(false);
                AuthTelemetry.NotificationsDelivered.Add(1, AuthTelemetry.Tag("result", abandoned ? "abandoned" : "failed"));
                if (abandoned)
                {
                    AuthLog.NotificationAbandoned(_logger, notification.Id, notification.Event, attempt);
                }
                else
                {
                    AuthLog.NotificationFailed(_logger, notification.Id, notification.Event, attempt, errorType);
                }

                continue;
            }

            var deliveredAt = _clock.Now;
            await _outbox.MarkDeliveredAsync(notification.Id, deliveredAt, cancellationToken).ConfigureAwait(false);
            AuthTelemetry.NotificationsDelivered.Add(1, AuthTelemetry.Tag("result", "delivered"));
            AuthTelemetry.NotificationLatency.Record((deliveredAt - notification.CreatedAt).TotalSeconds);
            delivered++;
        }

        var backlog = await _outbox.CountPendingAsync(cancellationToken).ConfigureAwait(false);
        AuthTelemetry.ReportBacklog(backlog);
        activity?.SetTag("bizweb.delivered", delivered).SetTag("bizweb.backlog", backlog);
        return delivered;
    }
}
