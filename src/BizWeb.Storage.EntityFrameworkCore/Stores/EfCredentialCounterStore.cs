using System.Globalization;
using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Failure counters where every change is one statement the database runs atomically, so any number
/// of hosts share the limit: the reservation is a conditional upsert (see <see cref="StorageSql.ReserveAttempt"/>),
/// a give-back a compare-and-decrement update, reset a delete. Each call is one raw command on a pooled context's connection, prepared on
/// PostgreSQL (<see cref="EfRawCommands"/>): no LINQ pipeline, no transaction, nothing but the statement.
/// </summary>
internal sealed class EfCredentialCounterStore<TContext> : ICredentialCounterStore
    where TContext : DbContext
{
    private readonly EfContexts<TContext> _contexts;

    public EfCredentialCounterStore(EfContexts<TContext> contexts) => _contexts = contexts;

    public async ValueTask<AttemptReservation> TryReserveAttemptAsync(string key, int limit, DateTimeOffset now, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        using var db = _contexts.CreateDbContext();
        var sql = _contexts.Sql(db);
        if (limit >= 1)
        {
            var reserved = await EfRawCommands.ScalarAsync(
                db,
                sql,
                sql.ReserveAttempt,
                [
                    sql.Parameter("@key", key),
                    sql.Parameter("@limit", limit),
                    sql.Int64Parameter("@now", Ticks.From(now)),
                    sql.Int64Parameter("@expires", Ticks.From(expiresAt)),
                ],
                cancellationToken).ConfigureAwait(false);
            if (reserved is not null)
            {
                return new AttemptReservation(true, Convert.ToInt32(reserved, CultureInfo.InvariantCulture));
            }
        }

        return new AttemptReservation(false, await CurrentAsync(db, sql, key, now, cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask<bool> TryReleaseAttemptAsync(string key, int reservedFailures, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(reservedFailures, 1);
        using var db = _contexts.CreateDbContext();
        var sql = _contexts.Sql(db);
        return await EfRawCommands.NonQueryAsync(db, sql, sql.ReleaseAttempt, [sql.Parameter("@key", key), sql.Parameter("@reserved", reservedFailures)], cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask ResetAsync(string key, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var sql = _contexts.Sql(db);
        _ = await EfRawCommands.NonQueryAsync(db, sql, sql.ResetCounter, [sql.Parameter("@key", key)], cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<int> GetFailuresAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        return await CurrentAsync(db, _contexts.Sql(db), key, now, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> CurrentAsync(DbContext db, StorageSql sql, string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failures = await EfRawCommands.ScalarAsync(
            db,
            sql,
            sql.CurrentFailures,
            [sql.Parameter("@key", key), sql.Int64Parameter("@now", Ticks.From(now))],
            cancellationToken).ConfigureAwait(false);
        return failures is null ? 0 : Convert.ToInt32(failures, CultureInfo.InvariantCulture);
    }
}
