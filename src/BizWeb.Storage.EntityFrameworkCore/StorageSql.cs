using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// The few statements LINQ cannot express, written once per model from the mapped (prefixed,
/// schema-qualified, quoted) table and column names, for SQLite ≥ 3.35 and PostgreSQL.
/// </summary>
internal sealed class StorageSql
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";
    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private static readonly ConcurrentDictionary<(IModel, string), StorageSql> Cache = new();

    private StorageSql(DbContext db, bool postgreSql)
    {
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
        // The live count: an expired counter counts as zero (no row).
        CurrentFailures = $"SELECT {failures} FROM {counters.Table} WHERE {key} = @key AND ({expires} IS NULL OR {expires} > @now)";

        var head = Names.Of<AuditHeadRow>(db.Model, helper);
        // PostgreSQL: the row lock serialises appends across every host until the commit. SQLite:
        // the transaction is BEGIN IMMEDIATE, which already holds the database's write lock.
        LockAuditHead = $"SELECT * FROM {head.Table} WHERE {head.Column(nameof(AuditHeadRow.Id))} = {AuditHeadRow.SingletonId}" + (postgreSql ? " FOR UPDATE" : string.Empty);
        IsPostgreSql = postgreSql;

        // The tokens and certificates tables are optional (AddBizWebTokens, AddBizWebCertificates).
        if (Names.TryOf<HardwareTokenRow>(db.Model, helper) is { } tokens)
        {
            LockTokenOrNull = $"SELECT * FROM {tokens.Table} WHERE {tokens.Column(nameof(HardwareTokenRow.SerialNumber))} = @serial" + (postgreSql ? " FOR UPDATE" : string.Empty);
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

    /// <summary>Whether the provider is PostgreSQL (otherwise SQLite).</summary>
    public bool IsPostgreSql { get; }

    /// <summary>The counter reservation; parameters <c>@key @limit @now @expires</c>; returns the new count as <c>Value</c>.</summary>
    public string ReserveAttempt { get; }

    /// <summary>The counter reset; parameter <c>@key</c>.</summary>
    public string ResetCounter { get; }

    /// <summary>The counter's failures unless expired; parameters <c>@key @now</c>; no row for none.</summary>
    public string CurrentFailures { get; }

    /// <summary>Reads (and on PostgreSQL locks) the audit chain head.</summary>
    public string LockAuditHead { get; }

    /// <summary>Reads (and on PostgreSQL locks) one hardware token; parameter <c>@serial</c>.</summary>
    public string LockToken => LockTokenOrNull ?? throw NotMapped(nameof(BizWebModelBuilderExtensions.AddBizWebTokens));

    /// <summary>The card upsert; parameters <c>@contract @serial @values @issued</c>.</summary>
    public string ReplaceCard => ReplaceCardOrNull ?? throw NotMapped(nameof(BizWebModelBuilderExtensions.AddBizWebTokens));

    /// <summary>Takes the next CRL number; returns it as <c>Value</c>.</summary>
    public string NextCrlNumber => NextCrlNumberOrNull ?? throw NotMapped(nameof(BizWebModelBuilderExtensions.AddBizWebCertificates));

    private string? LockTokenOrNull { get; }

    private string? ReplaceCardOrNull { get; }

    private string? NextCrlNumberOrNull { get; }

    public static StorageSql For(DbContext db)
    {
        var provider = db.Database.ProviderName ?? string.Empty;
        var postgreSql = provider switch
        {
            NpgsqlProvider => true,
            SqliteProvider => false,
            _ => throw new NotSupportedException($"The BizWeb EF Core stores support SQLite and PostgreSQL, not '{provider}'."),
        };
        return Cache.GetOrAdd((db.Model, provider), _ => new StorageSql(db, postgreSql));
    }

    /// <summary>A named parameter for the raw statements, typed for the provider.</summary>
    public DbParameter Parameter(string name, object? value) =>
        IsPostgreSql ? new NpgsqlParameter(name, value ?? DBNull.Value) : new SqliteParameter(name, value ?? DBNull.Value);

    /// <summary>A typed parameter for a nullable <c>bigint</c>.</summary>
    public DbParameter Int64Parameter(string name, long? value)
    {
        var parameter = Parameter(name, value);
        parameter.DbType = System.Data.DbType.Int64;
        return parameter;
    }

    /// <summary>
    /// PostgreSQL only: takes a transaction-scoped advisory lock on <paramref name="key"/>, serialising
    /// the read-then-write steps of one owner, contract or principal across every host until the
    /// commit. SQLite needs none: the transaction (BEGIN IMMEDIATE) holds the database's write lock.
    /// </summary>
    public async Task LockKeyAsync(DbContext db, string key, CancellationToken cancellationToken)
    {
        if (IsPostgreSql)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", [Parameter("@key", "bizweb:" + key)], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether <paramref name="exception"/> says another transaction got there first: a unique key, or (PostgreSQL) a serialization failure or deadlock.</summary>
    public static bool IsConflict(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 1555 or 2067, // SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        _ => exception.InnerException is { } inner && IsConflict(inner),
    };

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
