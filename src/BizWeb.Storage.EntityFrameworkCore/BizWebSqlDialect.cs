using System.Data.Common;
using Microsoft.EntityFrameworkCore.Migrations;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// What the EF Core stores need from a database beyond EF Core Relational: how a read locks a row, how
/// a transaction serialises one key, which errors mean "another transaction got there first", an
/// ordinal collation, and the triggers that make the audit trail append-only. The provider packages
/// ship one each (<c>SqliteBizWebSqlDialect</c> in BizWeb.Storage.EntityFrameworkCore.Sqlite,
/// <c>PostgreSqlBizWebSqlDialect</c> in BizWeb.Storage.EntityFrameworkCore.PostgreSql); their
/// <c>Add…Stores</c> calls pass it to
/// <see cref="Microsoft.Extensions.DependencyInjection.BizWebEntityFrameworkBuilderExtensions.AddEntityFrameworkStores{TContext}"/>.
/// The atomic statements themselves (the failure-counter reservation, the card replacement, the CRL
/// number, the daily totals) are written once, from the mapped names, in the
/// <c>INSERT … ON CONFLICT … DO UPDATE … WHERE … RETURNING</c> form a dialect's database must accept.
/// </summary>
public abstract class BizWebSqlDialect
{
    /// <summary>Creates the dialect.</summary>
    protected BizWebSqlDialect()
    {
    }

    /// <summary>
    /// The EF Core provider this dialect speaks (<c>DatabaseFacade.ProviderName</c>, <c>MigrationBuilder.ActiveProvider</c>),
    /// for example <c>Microsoft.EntityFrameworkCore.Sqlite</c>. A context or migration of another provider is refused.
    /// </summary>
    public abstract string ProviderName { get; }

    /// <summary>
    /// Appended to a <c>SELECT</c> of one row that the transaction then changes, to lock it until the commit
    /// (<c>" FOR UPDATE"</c>); empty when the transaction already holds the database's write lock.
    /// </summary>
    protected internal abstract string RowLockClause { get; }

    /// <summary>
    /// A statement taking a transaction-scoped lock on the text parameter <c>@key</c>, serialising the
    /// read-then-write steps of one owner, contract or principal until the commit; <see langword="null"/>
    /// when the transaction already holds the database's write lock.
    /// </summary>
    protected internal abstract string? KeyLockStatement { get; }

    /// <summary>A collation that orders text by code point, or <see langword="null"/> when the default one does.</summary>
    protected internal virtual string? OrdinalCollation => null;

    /// <summary>Whether the hot single-statement commands are prepared (kept parsed and planned per physical connection).</summary>
    protected internal virtual bool PreparesCommands => false;

    /// <summary>
    /// Whether a statement's <c>WITH</c> clause may hold <c>INSERT</c>, <c>UPDATE</c> and <c>DELETE</c>
    /// (PostgreSQL). Then a commit of audit records and counter resets alone is one statement that moves
    /// the audit chain head from where this process last saw it and, only if it moved, inserts the
    /// records and deletes the counters: one round trip instead of a transaction of four. A head that
    /// moved elsewhere changes nothing, and the commit takes the locked way.
    /// </summary>
    protected internal virtual bool SupportsDataModifyingCommonTableExpressions => false;

    /// <summary>Whether <paramref name="exception"/> says another transaction got there first: a unique key taken, a serialization failure, a deadlock.</summary>
    /// <param name="exception">A provider exception.</param>
    /// <returns>Whether running the transaction again from its first read can succeed.</returns>
    protected internal abstract bool IsConflict(DbException exception);

    /// <summary>Adds the triggers that refuse UPDATE and DELETE of audit records and deletion of the chain head.</summary>
    /// <param name="migrationBuilder">The migration.</param>
    /// <param name="schema">The schema of the BizWeb tables, or <see langword="null"/>.</param>
    /// <param name="tablePrefix">Their table prefix.</param>
    protected internal abstract void CreateAuditGuard(MigrationBuilder migrationBuilder, string? schema, string tablePrefix);

    /// <summary>Drops what <see cref="CreateAuditGuard"/> added.</summary>
    /// <param name="migrationBuilder">The migration.</param>
    /// <param name="schema">The schema of the BizWeb tables, or <see langword="null"/>.</param>
    /// <param name="tablePrefix">Their table prefix.</param>
    protected internal abstract void DropAuditGuard(MigrationBuilder migrationBuilder, string? schema, string tablePrefix);

    /// <inheritdoc />
    public override string ToString() => ProviderName;

    /// <summary>The standard SQL delimited identifier (<c>"schema"."name"</c>, inner quotes doubled), as the audit guard's SQL names the tables.</summary>
    /// <param name="name">The table, trigger or function name.</param>
    /// <param name="schema">Its schema, or <see langword="null"/> for none.</param>
    /// <returns>The delimited name.</returns>
    protected static string DelimitIdentifier(string name, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return schema is null ? Quote(name) : $"{Quote(schema)}.{Quote(name)}";

        static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
