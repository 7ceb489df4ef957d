using BizWeb.Auth;
using BizWeb.Storage.EntityFrameworkCore;
using BizWeb.Storage.EntityFrameworkCore.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the BizWeb EF Core stores on SQLite on the builder <c>services.AddBizWeb(…)</c> returns.</summary>
public static class BizWebSqliteBuilderExtensions
{
    /// <summary>
    /// The embedded default: EF Core stores on a SQLite file through <see cref="SqliteBizWebDbContext"/>
    /// (a pooled context factory). Apply its migrations at start (<c>Database.MigrateAsync()</c>).
    /// A database file that does not exist yet is created here, owner-only on Unix (0600), so the
    /// hashes and the audit trail it will hold are not readable by other local accounts.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">For example <c>Data Source=bizweb.db</c>.</param>
    /// <returns>The builder.</returns>
    public static BizWebBuilder AddSqliteStores(this BizWebBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        SqliteDatabaseFile.CreateOwnerOnly(connectionString);
        builder.Services.AddPooledDbContextFactory<SqliteBizWebDbContext>(o => o.UseSqlite(connectionString));
        return builder.AddSqliteStores<SqliteBizWebDbContext>();
    }

    /// <summary>
    /// EF Core stores on the bank's own <typeparamref name="TContext"/>, configured with <c>UseSqlite</c>
    /// and registered with <c>AddDbContextFactory</c> or <c>AddPooledDbContextFactory</c>, its model
    /// mapping the BizWeb tables (<see cref="BizWebModelBuilderExtensions.AddBizWebAll"/>). See
    /// <see cref="BizWebEntityFrameworkBuilderExtensions.AddEntityFrameworkStores{TContext}"/>.
    /// </summary>
    /// <typeparam name="TContext">The bank's context.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static BizWebBuilder AddSqliteStores<TContext>(this BizWebBuilder builder)
        where TContext : DbContext =>
        builder.AddEntityFrameworkStores<TContext>(SqliteBizWebSqlDialect.Instance);
}
