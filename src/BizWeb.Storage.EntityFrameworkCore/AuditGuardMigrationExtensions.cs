using Microsoft.EntityFrameworkCore.Migrations;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Makes the audit trail append-only in the database itself, whoever connects: triggers refuse
/// UPDATE, DELETE (and on PostgreSQL TRUNCATE) of audit records, and deletion of the chain head.
/// The committed migrations of the provider packages call it; a bank mapping the tables into its own
/// context adds <c>migrationBuilder.CreateBizWebAuditGuard(dialect, schema, prefix)</c> to the
/// migration that creates them, with its provider's dialect (for example <c>PostgreSqlBizWebSqlDialect.Instance</c>).
/// </summary>
public static class AuditGuardMigrationExtensions
{
    /// <summary>Creates the triggers in <paramref name="dialect"/>'s SQL.</summary>
    /// <param name="migrationBuilder">The migration.</param>
    /// <param name="dialect">The dialect of the migration's provider.</param>
    /// <param name="schema">The schema given to <see cref="BizWebModelBuilderExtensions.AddBizWebAuth"/>.</param>
    /// <param name="tablePrefix">The table prefix given to it.</param>
    /// <returns>The migration builder.</returns>
    public static MigrationBuilder CreateBizWebAuditGuard(this MigrationBuilder migrationBuilder, BizWebSqlDialect dialect, string? schema = null, string tablePrefix = BizWebModelBuilderExtensions.DefaultTablePrefix)
    {
        Check(migrationBuilder, dialect, tablePrefix);
        dialect.CreateAuditGuard(migrationBuilder, schema, tablePrefix);
        return migrationBuilder;
    }

    /// <summary>Drops what <see cref="CreateBizWebAuditGuard"/> created (for a migration's <c>Down</c>).</summary>
    /// <param name="migrationBuilder">The migration.</param>
    /// <param name="dialect">The dialect of the migration's provider.</param>
    /// <param name="schema">The schema.</param>
    /// <param name="tablePrefix">The table prefix.</param>
    /// <returns>The migration builder.</returns>
    public static MigrationBuilder DropBizWebAuditGuard(this MigrationBuilder migrationBuilder, BizWebSqlDialect dialect, string? schema = null, string tablePrefix = BizWebModelBuilderExtensions.DefaultTablePrefix)
    {
        Check(migrationBuilder, dialect, tablePrefix);
        dialect.DropAuditGuard(migrationBuilder, schema, tablePrefix);
        return migrationBuilder;
    }

    private static void Check(MigrationBuilder migrationBuilder, BizWebSqlDialect dialect, string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(tablePrefix);
        if (migrationBuilder.ActiveProvider != dialect.ProviderName)
        {
            throw new InvalidOperationException(
                $"The BizWeb audit guard of the {dialect.ProviderName} dialect cannot run in a migration for '{migrationBuilder.ActiveProvider}': pass that provider's dialect.");
        }
    }
}
