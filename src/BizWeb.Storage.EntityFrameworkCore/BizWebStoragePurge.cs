using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Deletes what no one needs any more: expired flow tickets and delivered notifications past their
/// retention (<see cref="StorageRetentionOptions"/>), expired failure counters, and (when the
/// tokens tables are mapped) expired card challenges and transaction confirmations. Each kind is one
/// DELETE statement; safe to run from several hosts at once. Never touches the audit trail,
/// contracts, users, pending or abandoned notifications, or counters that still count.
/// </summary>
public sealed class BizWebStoragePurge
{
    private readonly Func<DbContext> _contexts;
    private readonly TimeProvider _time;
    private readonly StorageRetentionOptions _options;

    internal BizWebStoragePurge(Func<DbContext> contexts, TimeProvider time, IOptions<StorageRetentionOptions> options)
    {
        _contexts = contexts;
        _time = time;
        _options = options.Value;
    }

    /// <summary>Runs one purge.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many rows of each kind were deleted.</returns>
    public async Task<StoragePurgeResult> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var ticketsBefore = Ticks.From(now - _options.ExpiredTicketRetention);
        var deliveredBefore = Ticks.From(now - _options.DeliveredNotificationRetention);
        var nowTicks = Ticks.From(now);
        using var db = _contexts();
        var tickets = await db.Set<FlowTicketRow>().Where(r => r.ExpiresAt < ticketsBefore).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var notifications = await db.Set<NotificationRow>().Where(r => r.DeliveredAt != null && r.DeliveredAt < deliveredBefore).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var counters = await db.Set<CounterRow>().Where(r => r.ExpiresAt != null && r.ExpiresAt <= nowTicks).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var challenges = db.Model.FindEntityType(typeof(CardChallengeRow)) is null ? 0
            : await db.Set<CardChallengeRow>().Where(r => r.ExpiresAt <= nowTicks).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var confirmations = db.Model.FindEntityType(typeof(TransactionConfirmationRow)) is null ? 0
            : await db.Set<TransactionConfirmationRow>().Where(r => r.ExpiresAt <= nowTicks).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return new StoragePurgeResult(tickets, notifications, counters) { CardChallenges = challenges, TransactionConfirmations = confirmations };
    }
}
