using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>The outbox; a claim is one conditional UPDATE, so two dispatchers never own the same attempt.</summary>
internal sealed class EfNotificationOutbox<TContext> : INotificationOutbox
    where TContext : DbContext
{
    private readonly IDbContextFactory<TContext> _contexts;

    public EfNotificationOutbox(IDbContextFactory<TContext> contexts) => _contexts = contexts;

    public async ValueTask<IReadOnlyList<SecurityNotification>> ListDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var ticks = Ticks.From(now);
        var rows = await db.Set<NotificationRow>().AsNoTracking()
            .Where(r => r.DeliveredAt == null && !r.Abandoned && r.NextAttemptAt <= ticks)
            .OrderBy(r => r.CreatedAt)
            .Take(maxCount)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToNotification())];
    }

    public async ValueTask<bool> TryClaimAsync(Guid id, int expectedAttempts, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var (nowTicks, leaseTicks) = (Ticks.From(now), Ticks.From(leaseUntil));
        var claimed = await db.Set<NotificationRow>()
            .Where(r => r.Id == id && r.DeliveredAt == null && !r.Abandoned && r.Attempts == expectedAttempts && r.NextAttemptAt <= nowTicks)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Attempts, r => r.Attempts + 1).SetProperty(r => r.NextAttemptAt, leaseTicks), cancellationToken)
            .ConfigureAwait(false);
        return claimed == 1;
    }

    public async ValueTask MarkDeliveredAsync(Guid id, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var ticks = Ticks.From(deliveredAt);
        await db.Set<NotificationRow>()
            .Where(r => r.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DeliveredAt, ticks).SetProperty(r => r.LastError, (string?)null), cancellationToken)
            .ConfigureAwait(false);
    }

    public async ValueTask MarkFailedAsync(Guid id, DateTimeOffset nextAttemptAt, string errorType, bool abandoned, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var ticks = Ticks.From(nextAttemptAt);
        await db.Set<NotificationRow>()
            .Where(r => r.Id == id && r.DeliveredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.NextAttemptAt, ticks).SetProperty(r => r.LastError, errorType).SetProperty(r => r.Abandoned, abandoned), cancellationToken)
            .ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<SecurityNotification>> ListForContractAsync(ContractId contractId, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var contract = contractId.ToString();
        var rows = await db.Set<NotificationRow>().AsNoTracking()
            .Where(r => r.ContractId == contract)
            .OrderByDescending(r => r.CreatedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToNotification())];
    }

    public async ValueTask<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        return await db.Set<NotificationRow>().CountAsync(r => r.DeliveredAt == null && !r.Abandoned, cancellationToken).ConfigureAwait(false);
    }
}
