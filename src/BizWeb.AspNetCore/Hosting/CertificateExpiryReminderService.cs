using BizWeb.Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BizWeb.AspNetCore;

/// <summary>
/// Queues the certificate expiry reminders (証明書更新のお知らせ) on a timer, when the certificate
/// authority is registered; each reminder is queued once (the SDK marks it sent in the same commit).
/// </summary>
internal sealed partial class CertificateExpiryReminderService(IServiceScopeFactory scopes, IOptions<BizWebAspNetCoreOptions> options, TimeProvider time, ILogger<CertificateExpiryReminderService> logger)
    : ScopedTimerService(scopes, time)
{
    protected override TimeSpan Interval => options.Value.ExpiryReminderInterval;

    protected override async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetService<CertificateExpiryReminders>() is { } reminders
            ? await reminders.SendDueAsync(cancellationToken).ConfigureAwait(false)
            : 0;

    protected override void Handled(int count) => Queued(logger, count);

    protected override void Failed(string errorType) => ReminderFailed(logger, errorType);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Certificate expiry reminders queued: {Count}.")]
    private static partial void Queued(ILogger logger, int count);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "The certificate expiry reminders failed ({ErrorType}); they are tried again at the next tick.")]
    private static partial void ReminderFailed(ILogger logger, string errorType);
}
