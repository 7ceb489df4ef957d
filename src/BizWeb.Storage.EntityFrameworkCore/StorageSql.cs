using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// The few statements LINQ cannot express, written once per model and dialect from the mapped
/// (prefixed, schema-qualified, quoted) table and column names; what differs between databases comes
/// from the <see cref="BizWebSqlDialect"/> (SQLite ≥ 3.35 and PostgreSQL ship in their packages).
/// </summary>
internal sealed class StorageSql
{
    private static readonly ConcurrentDictionary<(IModel, BizWebSqlDialect), StorageSql> Cache = new();
    private readonly BizWebSqlDialect _dialect;
    private readonly DbProviderFactory? _parameters;
    private readonly ConcurrentDictionary<(int Records, int Resets), string> _appends = new();
    private readonly ConcurrentDictionary<int, string> _lockAndResets = new();
    private readonly ConcurrentDictionary<string, AuditHeadHint> _heads = new(StringComparer.Ordinal);
    private readonly Names _audit;
    private readonly Names _head;
    private readonly Names _counters;

    private StorageSql(DbContext db, BizWebSqlDialect dialect)
    {
        _dialect = dialect;
        _parameters = DbProviderFactories.GetFactory(db.Database.GetDbConnection());
        var locked = dialect.RowLockClause;
        var helper = db.GetService<ISqlGenerationHelper>();
        var counters = Names.Of<CounterRow>(db.Model, helper);
        var key = counters.Column(nameof(CounterRow.Key));
        var failures = counters.Column(nameof(CounterRow.Failures));
        var expires = counters.Column(nameof(CounterRow.ExpiresAt));

        // One statement: insert the first failure, or increment while below the limit (an expired
        // counter starts again at 1); no row comes back when the limit was already reached.
        ReserveAttempt =
            $"INSERT INTO {counters.Table} AS c ({key}, {failures}, {expires}) VALUES (@key, 1, @expires) " +
            $"ON CONFLICT ({key}) DO UPDATE SET " +
            $"{failures} = CASE WHEN c.{expires} <= @now THEN 1 ELSE c.{failures} + 1 END, {expires} = @expires " +
            $"WHERE c.{expires} <= @now OR c.{failures} < @limit " +
            $"RETURNING {failures} AS \"Value\"";
        ResetCounter = $"DELETE FROM {counters.Table} WHERE {key} = @key";
        // Compare-and-decrement: only the count the reservation returned goes one down, never below zero.
        ReleaseAttempt = $"UPDATE {counters.Table} SET {failures} = {failures} - 1 WHERE {key} = @key AND {failures} = @reserved AND {failures} > 0";
        // The live count: an expired counter counts as zero (no row).
        CurrentFailures = $"SELECT {failures} FROM {counters.Table} WHERE {key} = @key AND ({expires} IS NULL OR {expires} > @now)";

        (_counters, _audit) = (counters, Names.Of<AuditRow>(db.Model, helper));
        var head = _head = Names.Of<AuditHeadRow>(db.Model, helper);
        // PostgreSQL: the row lock serialises appends across every host until the commit. SQLite:
        // the transaction is BEGIN IMMEDIATE, which already holds the database's write lock.
        LockAuditHead = $"SELECT * FROM {head.Table} WHERE {head.Column(nameof(AuditHeadRow.Id))} = {AuditHeadRow.SingletonId}" + locked;

        // The tokens and certificates tables are optional (AddBizWebTokens, AddBizWebCertificates).
        if (Names.TryOf<HardwareTokenRow>(db.Model, helper) is { } tokens)
        {
            LockTokenOrNull = $"SELECT * FROM {tokens.Table} WHERE {tokens.Column(nameof(HardwareTokenRow.SerialNumber))} = @serial" + locked;
        }

        if (Names.TryOf<CustomerCardRow>(db.Model, helper) is { } cards)
        {
            var (contract, serial, values, issued) = (
                cards.Column(nameof(CustomerCardRow.ContractId)), cards.Column(nameof(CustomerCardRow.SerialNumber)),
                cards.Column(nameof(CustomerCardRow.ProtectedValues)), cards.Column(nameof(CustomerCardRow.IssuedAt)));
            // One statement: the new card replaces the contract's previous one (or is its first).
            ReplaceCardOrNull =
                $"INSERT INTO {cards.Table} ({contract}, {serial}, {values}, {issued}) VALUES (@contract, @serial, @values, @issued) " +
                $"ON CONFLICT ({contract}) DO UPDATE SET {serial} = excluded.{serial}, {values} = excluded.{values}, {issued} = excluded.{issued}";
        }

        if (Names.TryOf<CrlRow>(db.Model, helper) is { } crl)
        {
            var last = crl.Column(nameof(CrlRow.LastNumber));
            // One statement: the row lock of the UPDATE hands every number out once.
            NextCrlNumberOrNull = $"UPDATE {crl.Table} SET {last} = {last} + 1 WHERE {crl.Column(nameof(CrlRow.Id))} = {CrlRow.SingletonId} RETURNING {last} AS \"Value\"";
        }
    }

    /// <summary>Whether the hot commands are prepared (see <see cref="BizWebSqlDialect.PreparesCommands"/>).</summary>
    public bool PreparesCommands => _dialect.PreparesCommands;

    /// <summary>A collation ordering text by code point, or <see langword="null"/> for the default one.</summary>
    public string? OrdinalCollation => _dialect.OrdinalCollation;

    /// <summary>How a read locks the rows it reads (<c>" FOR UPDATE"</c>), or empty where the transaction holds the database's write lock.</summary>
    public string RowLock => _dialect.RowLockClause;

    /// <summary>The counter reservation; parameters <c>@key @limit @now @expires</c>; returns the new count as <c>Value</c>.</summary>
    public string ReserveAttempt { get; }

    /// <summary>The give-back of a reserved attempt; parameters <c>@key @reserved</c>; one row changed when given back.</summary>
    public string ReleaseAttempt { get; }

    /// <summary>The counter reset; parameter <c>@key</c>.</summary>
    public string ResetCounter { get; }

    /// <summary>The counter's failures unless expired; parameters <c>@key @now</c>; no row for none.</summary>
    public string CurrentFailures { get; }

    /// <summary>
    /// Where this process last saw the audit head of <paramref name="db"/>'s database: one per database
    /// (server and database name, never the credentials), so databases of one model (tenants, or tests
    /// in parallel) neither spoil each other's guess nor queue behind each other's appends.
    /// </summary>
    public AuditHeadHint AuditHeadOf(DbContext db)
    {
        var connection = db.Database.GetDbConnection();
        return _heads.GetOrAdd($"{connection.DataSource}\n{connection.Database}", _ => new AuditHeadHint());
    }

    /// <summary>Whether an audit-only commit can be one statement (see <see cref="BizWebSqlDialect.SupportsDataModifyingCommonTableExpressions"/>).</summary>
    public bool AppendsInOneStatement => _dialect.SupportsDataModifyingCommonTableExpressions;

    /// <summary>The columns of <see cref="AppendAudit"/>'s records, in their parameter order (<c>@a{record}_{column}</c>).</summary>
    public static IReadOnlyList<string> AuditColumns { get; } =
    [
        nameof(AuditRow.Sequence), nameof(AuditRow.At), nameof(AuditRow.ActorKind), nameof(AuditRow.ActorId), nameof(AuditRow.ActorClientAddress), nameof(AuditRow.Action),
        nameof(AuditRow.SubjectContractId), nameof(AuditRow.SubjectUserId), nameof(AuditRow.Outcome), nameof(AuditRow.Detail), nameof(AuditRow.PreviousHash), nameof(AuditRow.Hash),
    ];

    /// <summary>
    /// One statement (data-modifying <c>WITH</c>): moves the audit head from <c>@previous</c>/<c>@previousHash</c> to
    /// <c>@last</c>/<c>@hash</c>, and only if it moved inserts <paramref name="records"/> records
    /// (parameters <c>@a{i}_{j}</c>, <see cref="AuditColumns"/>) and deletes <paramref name="resets"/>
    /// counters (<c>@k{i}</c>). Returns 1 as <c>Value</c> when the head moved, 0 when it was elsewhere
    /// (then nothing changed).
    /// </summary>
    public string AppendAudit(int records, int resets) => _appends.GetOrAdd((records, resets), WriteAppend);

    /// <summary>Reads (and where the dialect needs it, locks) the audit chain head.</summary>
    public string LockAuditHead { get; }

    /// <summary>
    /// <see cref="LockAuditHead"/> that, once the head is locked, also deletes <paramref name="resets"/>
    /// counters (<c>@k{i}</c>) in the same statement; only where
    /// <see cref="AppendsInOneStatement"/> (data-modifying common table expressions).
    /// </summary>
    public string LockAuditHeadAndReset(int resets) => _lockAndResets.GetOrAdd(resets, WriteLockAndReset);

    /// <summary>Reads (and where the dialect needs it, locks) one hardware token; parameter <c>@serial</c>.</summary>
    public string LockToken => LockTokenOrNull ?? throw NotMapped(nameof(BizWebModelBuilderExtensions.AddBizWebTokens));

    /// <summary>The card upsert; parameters <c>@contract @serial @values @issued</c>.</summary>
    public string ReplaceCard => ReplaceCardOrNull ?? throw NotMapped(nameof(BizWebModelBuilderExtensions.AddBizWebTokens));

    /// <summary>Takes the next CRL number; returns it as <c>Value</c>.</summary>
    public string NextCrlNumber => NextCrlNumberOrNull ?? throw NotMapped(nameof(BizWebModelBuilderExtensions.AddBizWebCertificates));

    private string? LockTokenOrNull { get; }

    private string? ReplaceCardOrNull { get; }

    private string? NextCrlNumberOrNull { get; }

    /// <summary>The statements for <paramref name="db"/>'s model in <paramref name="dialect"/>, written once per model.</summary>
    public static StorageSql For(DbContext db, BizWebSqlDialect dialect) =>
        Cache.TryGetValue((db.Model, dialect), out var sql) ? sql : Cache.GetOrAdd((db.Model, dialect), _ => Create(db, dialect));

    /// <summary>A named parameter for the raw statements, of the provider's own parameter type.</summary>
    public DbParameter Parameter(string name, object? value)
    {
        var parameter = _parameters?.CreateParameter() ?? throw new InvalidOperationException("The provider's connection names no DbProviderFactory.");
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }

    /// <summary>A typed parameter for a nullable <c>bigint</c>.</summary>
    public DbParameter Int64Parameter(string name, long? value) => Parameter(name, value, System.Data.DbType.Int64);

    /// <summary>A parameter of type <paramref name="type"/>, so a null is typed too (a statement may not infer it from a column).</summary>
    public DbParameter Parameter(string name, object? value, System.Data.DbType type)
    {
        var parameter = Parameter(name, value);
        parameter.DbType = type;
        return parameter;
    }

    /// <summary>
    /// Takes the dialect's transaction-scoped lock on <paramref name="key"/> (PostgreSQL: an advisory
    /// lock), serialising the read-then-write steps of one owner, contract or principal across every host
    /// until the commit. A dialect without one (SQLite) needs none: its transaction (BEGIN IMMEDIATE)
    /// holds the database's write lock.
    /// </summary>
    public async Task LockKeyAsync(DbContext db, string key, CancellationToken cancellationToken)
    {
        if (_dialect.KeyLockStatement is { } statement)
        {
            await db.Database.ExecuteSqlRawAsync(statement, [Parameter("@key", "bizweb:" + key)], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether <paramref name="exception"/> (or an inner one) says another transaction got there first, in the dialect's judgement.</summary>
    public bool IsConflict(Exception exception) => exception switch
    {
        DbException database when _dialect.IsConflict(database) => true,
        _ => exception.InnerException is { } inner && IsConflict(inner),
    };

    private string WriteLockAndReset(int resets)
    {
        var keys = string.Join(", ", Enumerable.Range(0, resets).Select(i => "@k" + i.ToString(CultureInfo.InvariantCulture)));
        // The deletion depends on the locked head, so it runs after the lock: every writer takes the
        // head before counter rows (as the one-statement append does), and none waits in the other order.
        return $"WITH head AS ({LockAuditHead}), " +
            $"resets AS (DELETE FROM {_counters.Table} WHERE {_counters.Column(nameof(CounterRow.Key))} IN ({keys}) AND EXISTS (SELECT 1 FROM head)) " +
            "SELECT * FROM head";
    }

    private string WriteAppend((int Records, int Resets) shape)
    {
        var (head, audit, counters) = (_head, _audit, _counters);
        var (sequence, hash) = (head.Column(nameof(AuditHeadRow.LastSequence)), head.Column(nameof(AuditHeadRow.LastHash)));
        var columns = string.Join(", ", AuditColumns.Select(audit.Column));
        var parts = new List<string>
        {
            // Sequence and hash: the records link after exactly the head the row pins, whichever database the guess came from.
            $"WITH moved AS (UPDATE {head.Table} SET {sequence} = @last, {hash} = @hash " +
            $"WHERE {head.Column(nameof(AuditHeadRow.Id))} = {AuditHeadRow.SingletonId} AND {sequence} = @previous AND {hash} = @previousHash RETURNING 1 AS moved)",
        };
        for (var i = 0; i < shape.Records; i++)
        {
            var record = i.ToString(CultureInfo.InvariantCulture);
            var values = string.Join(", ", Enumerable.Range(0, AuditColumns.Count).Select(j => "@a" + record + "_" + j.ToString(CultureInfo.InvariantCulture)));
            parts.Add($", a{record} AS (INSERT INTO {audit.Table} ({columns}) SELECT {values} FROM moved)");
        }

        if (shape.Resets > 0)
        {
            var keys = string.Join(", ", Enumerable.Range(0, shape.Resets).Select(i => "@k" + i.ToString(CultureInfo.InvariantCulture)));
            parts.Add($", resets AS (DELETE FROM {counters.Table} WHERE {counters.Column(nameof(CounterRow.Key))} IN ({keys}) AND EXISTS (SELECT 1 FROM moved))");
        }

        parts.Add(" SELECT COUNT(*) AS \"Value\" FROM moved");
        return string.Concat(parts);
    }

    private static StorageSql Create(DbContext db, BizWebSqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var provider = db.Database.ProviderName;
        if (provider != dialect.ProviderName)
        {
            throw new InvalidOperationException(
                $"The BizWeb EF Core stores were registered with the {dialect.ProviderName} dialect, but {db.GetType().Name} uses '{provider}': register them with that provider's Add…Stores call.");
        }

        return new StorageSql(db, dialect);
    }

    private static InvalidOperationException NotMapped(string method) =>
        new($"The context does not map these BizWeb tables: call modelBuilder.{method}() in its OnModelCreating (and add a migration).");

    private sealed class Names
    {
        private readonly IEntityType _entity;
        private readonly StoreObjectIdentifier _table;
        private readonly ISqlGenerationHelper _helper;

        private Names(IEntityType entity, ISqlGenerationHelper helper)
        {
            _entity = entity;
            _helper = helper;
            _table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            Table = helper.DelimitIdentifier(_table.Name, _table.Schema);
        }

        public string Table { get; }

        public static Names Of<TRow>(IModel model, ISqlGenerationHelper helper) =>
            TryOf<TRow>(model, helper) ?? throw NotMapped(nameof(BizWebModelBuilderExtensions.AddBizWebAuth));

        public static Names? TryOf<TRow>(IModel model, ISqlGenerationHelper helper) =>
            model.FindEntityType(typeof(TRow)) is { } entity ? new(entity, helper) : null;

        public string Column(string property) => _helper.DelimitIdentifier(_entity.FindProperty(property)!.GetColumnName(_table)!);
    }
}
