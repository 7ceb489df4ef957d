using System.Collections.Concurrent;
using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Daily totals where a reservation is one transaction of conditional upserts, one per total in key
/// order (so two reservations never deadlock): each adds the amount only while the total stays within
/// its limit, and the first that cannot rolls everything back. PostgreSQL re-checks the condition on
/// the row's latest version under its row lock; SQLite's transaction holds the write lock.
/// </summary>
internal sealed class EfTransferTotalStore<TContext>(EfContexts<TContext> contexts) : ITransferTotalStore
    where TContext : DbContext
{
    private static readonly ConcurrentDictionary<IModel, string> Statements = new();

    public async ValueTask<bool> TryReserveAsync(IReadOnlyList<DailyTotalReservation> reservations, DateOnly day, long amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        using var db = contexts.CreateDbContext();
        var sql = contexts.Sql(db);
        var statement = Statements.GetOrAdd(db.Model, _ => ReserveStatement(db));
        using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var reservation in reservations.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var reserved = await db.Database.SqlQueryRaw<long>(
                    statement,
                    sql.Parameter("@key", reservation.Key),
                    sql.Parameter("@day", TransferRow.DateNumber(day)),
                    sql.Int64Parameter("@amount", amount),
                    sql.Int64Parameter("@limit", reservation.Limit ?? long.MaxValue))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (reserved.Count != 1)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                return false;
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async ValueTask ReleaseAsync(IReadOnlyList<string> keys, DateOnly day, long amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        using var db = contexts.CreateDbContext();
        var number = TransferRow.DateNumber(day);
        var list = keys.ToList();
        await db.Set<TransferTotalRow>()
            .Where(r => list.Contains(r.Key) && r.Day == number)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Used, r => r.Used >= amount ? r.Used - amount : 0), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<long>> GetUsedAsync(IReadOnlyList<string> keys, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        using var db = contexts.CreateDbContext();
        var number = TransferRow.DateNumber(day);
        var list = keys.ToList();
        var rows = await db.Set<TransferTotalRow>().AsNoTracking()
            .Where(r => list.Contains(r.Key) && r.Day == number)
            .ToDictionaryAsync(r => r.Key, r => r.Used, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        return [.. keys.Select(k => rows.GetValueOrDefault(k))];
    }

    /// <summary>Inserts the first amount of the day, or adds to the total while it stays within <c>@limit</c>; returns the new total, or no row.</summary>
    private static string ReserveStatement(DbContext db)
    {
        var helper = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(TransferTotalRow))
            ?? throw new InvalidOperationException("The context does not map the BizWeb transfer totals: call modelBuilder.AddBizWebAuth() (and add a migration).");
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => helper.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(store)!);
        var (table, key, dayColumn, used) = (helper.DelimitIdentifier(store.Name, store.Schema), Column(nameof(TransferTotalRow.Key)), Column(nameof(TransferTotalRow.Day)), Column(nameof(TransferTotalRow.Used)));
        return $"INSERT INTO {table} AS c ({key}, {dayColumn}, {used}) SELECT @key, @day, @amount WHERE @amount <= @limit " +
            $"ON CONFLICT ({key}, {dayColumn}) DO UPDATE SET {used} = c.{used} + @amount WHERE c.{used} <= @limit - @amount " +
            $"RETURNING {used} AS \"Value\"";
    }
}
