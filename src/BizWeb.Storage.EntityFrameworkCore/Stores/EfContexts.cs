using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// The stores' short-lived contexts together with the dialect they were registered with, so a store
/// gets the statements for its context's model in that dialect (<see cref="Sql"/>), and the SDK's one
/// retry policy (<see cref="BizWebOptions.MaxCommitAttempts"/>).
/// </summary>
internal sealed class EfContexts<TContext>(IDbContextFactory<TContext> contexts, BizWebSqlDialect dialect, int maxCommitAttempts) : IDbContextFactory<TContext>
    where TContext : DbContext
{
    public BizWebSqlDialect Dialect { get; } = dialect;

    /// <summary>How often a transaction is tried, in all, on a conflict (<see cref="BizWebOptions.MaxCommitAttempts"/>).</summary>
    public int MaxCommitAttempts { get; } = maxCommitAttempts;

    public TContext CreateDbContext() => contexts.CreateDbContext();

    /// <summary>The statements for <paramref name="db"/>, a context this factory made.</summary>
    public StorageSql Sql(DbContext db) => StorageSql.For(db, Dialect);
}
