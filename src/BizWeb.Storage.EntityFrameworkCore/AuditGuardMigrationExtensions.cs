using Microsoft.EntityFrameworkCore.Migrations;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Makes the audit trail append-only in the database itself, whoever connects: triggers refuse
/// UPDATE, DELETE (and on PostgreSQL TRUNCATE) of audit records, and deletion of the chain head.
/// The committed migrations call it; a bank mapping the tables into its own context adds
/// <c>migrationBuilder.CreateBizWebAuditGuard(schema, prefix)</c> to the migration that creates them.
/// </summary>
public static class AuditGuardMigrationExtensions
{
    /// <summary>Creates the triggers for the active provider (SQLite or PostgreSQL).</summary>
    /// <param name="migrationBuilder">The migration.</param>
    /// <param name="schema">The schema given to <see cref="BizWebModelBuilderExtensions.AddBizWebAuth"/>.</param>
    /// <param name="tablePrefix">The table prefix given to it.</param>
    /// <returns>The migration builder.</returns>
    public static MigrationBuilder CreateBizWebAuditGuard(this MigrationBuilder migrationBuilder, string? schema = null, string tablePrefix = BizWebModelBuilderExtensions.DefaultTablePrefix)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        ArgumentNullException.ThrowIfNull(tablePrefix);
        var audit = Qualified(schema, tablePrefix + "audit_trail");
        var head = Qualified(schema, tablePrefix + "audit_head");
        if (IsPostgreSql(migrationBuilder))
        {
            var function = Qualified(schema, tablePrefix + "audit_append_only");
            migrationBuilder.Sql(
                $"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
                "RAISE EXCEPTION 'The BizWeb audit trail is append-only: % on % is refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; " +
                "END $$;");
            migrationBuilder.Sql($"CREATE TRIGGER {Quote(tablePrefix + "audit_append_only")} BEFORE UPDATE OR DELETE ON {audit} FOR EACH ROW EXECUTE FUNCTION {function}();");
            migrationBuilder.Sql($"CREATE TRIGGER {Quote(tablePrefix + "audit_no_truncate")} BEFORE TRUNCATE ON {audit} FOR EACH STATEMENT EXECUTE FUNCTION {function}();");
            migrationBuilder.Sql($"CREATE TRIGGER {Quote(tablePrefix + "audit_head_kept")} BEFORE DELETE ON {head} FOR EACH ROW EXECUTE FUNCTION {function}();");
            migrationBuilder.Sql($"CREATE TRIGGER {Quote(tablePrefix + "audit_head_no_truncate")} BEFORE TRUNCATE ON {head} FOR EACH STATEMENT EXECUTE FUNCTION {function}();");
        }
        else
        {
            const string Refuse = "BEGIN SELECT RAISE(ABORT, 'The BizWeb audit trail is append-only'); END;";
            migrationBuilder.Sql($"CREATE TRIGGER {Quote(tablePrefix + "audit_no_update")} BEFORE UPDATE ON {audit} {Refuse}");
            migrationBuilder.Sql($"CREATE TRIGGER {Quote(tablePrefix + "audit_no_delete")} BEFORE DELETE ON {audit} {Refuse}");
            migrationBuilder.Sql($"CREATE TRIGGER {Quote(tablePrefix + "audit_head_kept")} BEFORE DELETE ON {head} {Refuse}");
        }

        return migrationBuilder;
    }

    /// <summary>Drops what <see cref="CreateBizWebAuditGuard"/> created (for a migration's <c>Down</c>).</summary>
    /// <param name="migrationBuilder">The migration.</param>
    /// <param name="schema">The schema.</param>
    /// <param name="tablePrefix">The table prefix.</param>
    /// <returns>The migration builder.</returns>
    public static MigrationBuilder DropBizWebAuditGuard(this MigrationBuilder migrationBuilder, string? schema = null, string tablePrefix = BizWebModelBuilderExtensions.DefaultTablePrefix)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        ArgumentNullException.ThrowIfNull(tablePrefix);
        var audit = Qualified(schema, tablePrefix + "audit_trail");
        var head = Qualified(schema, tablePrefix + "audit_head");
        if (IsPostgreSql(migrationBuilder))
        {
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {Quote(tablePrefix + "audit_append_only")} ON {audit};");
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {Quote(tablePrefix + "audit_no_truncate")} ON {audit};");
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {Quote(tablePrefix + "audit_head_kept")} ON {head};");
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {Quote(tablePrefix + "audit_head_no_truncate")} ON {head};");
            migrationBuilder.Sql($"DROP FUNCTION IF EXISTS {Qualified(schema, tablePrefix + "audit_append_only")}();");
        }
        else
        {
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {Quote(tablePrefix + "audit_no_update")};");
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {Quote(tablePrefix + "audit_no_delete")};");
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {Quote(tablePrefix + "audit_head_kept")};");
        }

        return migrationBuilder;
    }

    private static bool IsPostgreSql(MigrationBuilder migrationBuilder) => migrationBuilder.ActiveProvider switch
    {
        "Npgsql.EntityFrameworkCore.PostgreSQL" => true,
        "Microsoft.EntityFrameworkCore.Sqlite" => false,
        var other => throw new NotSupportedException($"The BizWeb audit guard supports SQLite and PostgreSQL, not '{other}'."),
    };

    private static string Qualified(string? schema, string name) => schema is null ? Quote(name) : $"{Quote(schema)}.{Quote(name)}";

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
