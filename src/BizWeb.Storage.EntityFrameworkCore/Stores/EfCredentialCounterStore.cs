using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Failure counters where every change is one statement the database runs atomically, so any number
/// of hosts share the limit: the reservation is a conditional upsert (see <see cref="StorageSql.ReserveAttempt"/>),
/// reset a delete.
/// </summary>
internal sealed class EfCredentialCounterStore<TContext> : ICredentialCounterStore
    where TContext : DbContext
{
    private readonly IDbContextFactory<TContext> _contexts;

    public EfCredentialCounterStore(IDbContextFactory<TContext> contexts) => _contexts = contexts;

    public async ValueTask<AttemptReservation> TryReserveAttemptAsync(string key, int limit, DateTimeOffset now, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        using var db = _contexts.CreateDbContext();
        if (limit >= 1)
        {
            var sql = StorageSql.For(db);
            var reserved = await db.Database.SqlQueryRaw<int>(
                    sql.ReserveAttempt,
                    sql.Parameter("@key", key),
                    sql.Parameter("@limit", limit),
                    sql.Int64Parameter("@now", Ticks.From(now)),
                    sql.Int64Parameter("@expires", Ticks.From(expiresAt)))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (reserved.Count == 1)
            {
                return new AttemptReservation(true, reserved[0]);
            }
        }

        return new AttemptReservation(false, await CurrentAsync(db, key, now, cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask ResetAsync(string key, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        await db.Set<CounterRow>().Where(r => r.Key == key).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<int> GetFailuresAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        return await CurrentAsync(db, key, now, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> CurrentAsync(DbContext db, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ticks = Ticks.From(now);
        return await db.Set<CounterRow>().AsNoTracking()
            .Where(r => r.Key == key && (r.ExpiresAt == null || r.ExpiresAt > ticks))
            .Select(r => r.Failures)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }
}
