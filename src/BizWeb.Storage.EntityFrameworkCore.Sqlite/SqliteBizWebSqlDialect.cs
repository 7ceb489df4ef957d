using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BizWeb.Storage.EntityFrameworkCore.Sqlite;

/// <summary>
/// SQLite (3.35 or later, for <c>RETURNING</c>) for the BizWeb EF Core stores. A store transaction is
/// <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), which holds the database's write lock
/// across processes from its first read, so reads need no row lock and no key lock; a conflict is a
/// primary-key or unique-constraint violation.
/// </summary>
public sealed class SqliteBizWebSqlDialect : BizWebSqlDialect
{
    private const string Refuse = "BEGIN SELECT RAISE(ABORT, 'The BizWeb audit trail is append-only'); END;";

    private SqliteBizWebSqlDialect()
    {
    }

    /// <summary>The dialect (it holds no state).</summary>
    public static SqliteBizWebSqlDialect Instance { get; } = new();

    /// <inheritdoc />
    public override string ProviderName => "Microsoft.EntityFrameworkCore.Sqlite";

    /// <inheritdoc />
    protected override string RowLockClause => string.Empty;

    /// <inheritdoc />
    protected override string? KeyLockStatement => null;

    /// <inheritdoc />
    protected override bool IsConflict(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: 1555 or 2067 }; // SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE

    /// <inheritdoc />
    protected override void CreateAuditGuard(MigrationBuilder migrationBuilder, string? schema, string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        ArgumentNullException.ThrowIfNull(tablePrefix);
        var (audit, head) = (DelimitIdentifier(tablePrefix + "audit_trail", schema), DelimitIdentifier(tablePrefix + "audit_head", schema));
        migrationBuilder.Sql($"CREATE TRIGGER {DelimitIdentifier(tablePrefix + "audit_no_update")} BEFORE UPDATE ON {audit} {Refuse}");
        migrationBuilder.Sql($"CREATE TRIGGER {DelimitIdentifier(tablePrefix + "audit_no_delete")} BEFORE DELETE ON {audit} {Refuse}");
        migrationBuilder.Sql($"CREATE TRIGGER {DelimitIdentifier(tablePrefix + "audit_head_kept")} BEFORE DELETE ON {head} {Refuse}");
    }

    /// <inheritdoc />
    protected override void DropAuditGuard(MigrationBuilder migrationBuilder, string? schema, string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        ArgumentNullException.ThrowIfNull(tablePrefix);
        migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {DelimitIdentifier(tablePrefix + "audit_no_update")};");
        migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {DelimitIdentifier(tablePrefix + "audit_no_delete")};");
        migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {DelimitIdentifier(tablePrefix + "audit_head_kept")};");
    }
}
