using System.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace BizWeb.Storage.EntityFrameworkCore.PostgreSql;

/// <summary>
/// PostgreSQL (Npgsql) for the BizWeb EF Core stores, at read committed: a read the transaction then
/// changes locks its row (<c>SELECT … FOR UPDATE</c>), the steps of one owner, contract or principal are
/// serialised by a transaction-scoped advisory lock (<c>pg_advisory_xact_lock</c>), the hot
/// single-statement commands are prepared, ordinal order is the <c>"C"</c> collation, and a conflict
/// is a unique violation, a serialization failure or a deadlock.
/// </summary>
public sealed class PostgreSqlBizWebSqlDialect : BizWebSqlDialect
{
    private PostgreSqlBizWebSqlDialect()
    {
    }

    /// <summary>The dialect (it holds no state).</summary>
    public static PostgreSqlBizWebSqlDialect Instance { get; } = new();

    /// <inheritdoc />
    public override string ProviderName => "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <inheritdoc />
    protected override string RowLockClause => " FOR UPDATE";

    /// <inheritdoc />
    protected override string? KeyLockStatement => "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))";

    /// <inheritdoc />
    protected override string? OrdinalCollation => "C";

    /// <inheritdoc />
    /// <remarks>Npgsql keeps a prepared statement on its physical connection across pool returns.</remarks>
    protected override bool PreparesCommands => true;

    /// <inheritdoc />
    protected override bool SupportsDataModifyingCommonTableExpressions => true;

    /// <inheritdoc />
    protected override bool IsConflict(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    /// <inheritdoc />
    /// <remarks>Also refuses TRUNCATE of either table.</remarks>
    protected override void CreateAuditGuard(MigrationBuilder migrationBuilder, string? schema, string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        ArgumentNullException.ThrowIfNull(tablePrefix);
        var (audit, head) = (DelimitIdentifier(tablePrefix + "audit_trail", schema), DelimitIdentifier(tablePrefix + "audit_head", schema));
        var function = DelimitIdentifier(tablePrefix + "audit_append_only", schema);
        migrationBuilder.Sql(
            $"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
            "RAISE EXCEPTION 'The BizWeb audit trail is append-only: % on % is refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; " +
            "END $$;");
        migrationBuilder.Sql($"CREATE TRIGGER {DelimitIdentifier(tablePrefix + "audit_append_only")} BEFORE UPDATE OR DELETE ON {audit} FOR EACH ROW EXECUTE FUNCTION {function}();");
        migrationBuilder.Sql($"CREATE TRIGGER {DelimitIdentifier(tablePrefix + "audit_no_truncate")} BEFORE TRUNCATE ON {audit} FOR EACH STATEMENT EXECUTE FUNCTION {function}();");
        migrationBuilder.Sql($"CREATE TRIGGER {DelimitIdentifier(tablePrefix + "audit_head_kept")} BEFORE DELETE ON {head} FOR EACH ROW EXECUTE FUNCTION {function}();");
        migrationBuilder.Sql($"CREATE TRIGGER {DelimitIdentifier(tablePrefix + "audit_head_no_truncate")} BEFORE TRUNCATE ON {head} FOR EACH STATEMENT EXECUTE FUNCTION {function}();");
    }

    /// <inheritdoc />
    protected override void DropAuditGuard(MigrationBuilder migrationBuilder, string? schema, string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        ArgumentNullException.ThrowIfNull(tablePrefix);
        var (audit, head) = (DelimitIdentifier(tablePrefix + "audit_trail", schema), DelimitIdentifier(tablePrefix + "audit_head", schema));
        migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {DelimitIdentifier(tablePrefix + "audit_append_only")} ON {audit};");
        migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {DelimitIdentifier(tablePrefix + "audit_no_truncate")} ON {audit};");
        migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {DelimitIdentifier(tablePrefix + "audit_head_kept")} ON {head};");
        migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {DelimitIdentifier(tablePrefix + "audit_head_no_truncate")} ON {head};");
        migrationBuilder.Sql($"DROP FUNCTION IF EXISTS {DelimitIdentifier(tablePrefix + "audit_append_only", schema)}();");
    }
}
