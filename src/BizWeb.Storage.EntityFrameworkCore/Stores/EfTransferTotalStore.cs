using System.Collections.Concurrent;
using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Daily totals where a reservation is one conditional upsert of every total, in key order (so two
/// reservations never deadlock), in a transaction: each total takes the amount only while it stays
/// within its limit, and when one cannot the transaction rolls the others back. A release locks the
/// same rows in the same order. PostgreSQL re-checks the condition on
/// the row's latest version under its row lock; SQLite's transaction holds the write lock.
/// </summary>
internal sealed class EfTransferTotalStore<TContext>(EfContexts<TContext> contexts) : ITransferTotalStore
    where TContext : DbContext
{
    private static readonly ConcurrentDictionary<(IModel Model, int Count), string> Statements = new();
    private static readonly ConcurrentDictionary<(IModel Model, int Count), string> Releases = new();

    public async ValueTask<bool> TryReserveAsync(IReadOnlyList<DailyTotalReservation> reservations, DateOnly day, long amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var ordered = reservations.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0)
        {
            return true;
        }

        if (ordered.Select(r => r.Key).Distinct(StringComparer.Ordinal).Count() != ordered.Count)
        {
            throw new ArgumentException("A total is named twice.", nameof(reservations));
        }

        using var db = contexts.CreateDbContext();
        var sql = contexts.Sql(db);
        var statement = Statements.GetOrAdd((db.Model, ordered.Count), k => ReserveStatement(db, k.Count));
        var parameters = new List<object>((ordered.Count * 2) + 2) { sql.Parameter("@day", TransferRow.DateNumber(day)), sql.Int64Parameter("@amount", amount) };
        for (var i = 0; i < ordered.Count; i++)
        {
            parameters.Add(sql.Parameter($"@k{i}", ordered[i].Key));
            parameters.Add(sql.Int64Parameter($"@l{i}", ordered[i].Limit ?? long.MaxValue));
        }

        // One statement reserves every total (in key order, so two reservations never deadlock); the
        // transaction undoes those it added when any one stayed over its limit.
        using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var reserved = await db.Database.SqlQueryRaw<long>(statement, [.. parameters]).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (reserved.Count != ordered.Count)
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            return false;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async ValueTask ReleaseAsync(IReadOnlyList<string> keys, DateOnly day, long amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return;
        }

        using var db = contexts.CreateDbContext();
        var sql = contexts.Sql(db);
        var statement = Releases.GetOrAdd((db.Model, distinct.Count), k => ReleaseStatement(db, sql, k.Count));
        var parameters = new List<object>(distinct.Count + 2) { sql.Parameter("@day", TransferRow.DateNumber(day)), sql.Int64Parameter("@amount", amount) };
        parameters.AddRange(distinct.Select((key, i) => sql.Parameter($"@k{i}", key)));
        await db.Database.ExecuteSqlRawAsync(statement, parameters, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// For <paramref name="count"/> totals <c>@k0…</c> with limits <c>@l0…</c>: inserts each first amount of
    /// the day, or adds to each total while it stays within its limit; returns a row per total reserved.
    /// </summary>
    private static string ReserveStatement(DbContext db, int count)
    {
        var (table, key, dayColumn, used) = Columns(db);
        var indexes = Enumerable.Range(0, count).ToList();
        var values = string.Join(", ", indexes.Select(i => $"(@k{i}, @l{i})"));
        var limitOfRow = string.Concat(indexes.Select(i => $" WHEN @k{i} THEN @l{i}"));
        // VALUES names its columns column1, column2 on both SQLite and PostgreSQL.
        return $"INSERT INTO {table} AS c ({key}, {dayColumn}, {used}) " +
            $"SELECT v.column1, @day, @amount FROM (VALUES {values}) AS v WHERE @amount <= v.column2 ORDER BY v.column1 " +
            $"ON CONFLICT ({key}, {dayColumn}) DO UPDATE SET {used} = c.{used} + @amount WHERE c.{used} <= (CASE c.{key}{limitOfRow} END) - @amount " +
            $"RETURNING {used} AS \"Value\"";
    }

    /// <summary>
    /// Gives <c>@amount</c> back to <paramref name="count"/> totals <c>@k0…</c> of <c>@day</c>, never below
    /// zero, locking their rows in key order first as a reservation does (so a release and a
    /// reservation of the same totals never deadlock).
    /// </summary>
    private static string ReleaseStatement(DbContext db, StorageSql sql, int count)
    {
        var (table, key, dayColumn, used) = Columns(db);
        var keys = string.Join(", ", Enumerable.Range(0, count).Select(i => $"@k{i}"));
        return $"UPDATE {table} AS c SET {used} = CASE WHEN c.{used} >= @amount THEN c.{used} - @amount ELSE 0 END " +
            $"FROM (SELECT {key}, {dayColumn} FROM {table} WHERE {key} IN ({keys}) AND {dayColumn} = @day ORDER BY {key}{sql.RowLock}) AS l " +
            $"WHERE c.{key} = l.{key} AND c.{dayColumn} = l.{dayColumn}";
    }

    private static (string Table, string Key, string Day, string Used) Columns(DbContext db)
    {
        var helper = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(TransferTotalRow))
            ?? throw new InvalidOperationException("The context does not map the BizWeb transfer totals: call modelBuilder.AddBizWebAuth() (and add a migration).");
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => helper.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(store)!);
        return (helper.DelimitIdentifier(store.Name, store.Schema), Column(nameof(TransferTotalRow.Key)), Column(nameof(TransferTotalRow.Day)), Column(nameof(TransferTotalRow.Used)));
    }
}
