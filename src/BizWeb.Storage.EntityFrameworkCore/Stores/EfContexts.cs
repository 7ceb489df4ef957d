using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// The stores' short-lived contexts together with the dialect they were registered with, so a store
/// gets the statements for its context's model in that dialect (<see cref="Sql"/>).
/// </summary>
internal sealed class EfContexts<TContext>(IDbContextFactory<TContext> contexts, BizWebSqlDialect dialect) : IDbContextFactory<TContext>
    where TContext : DbContext
{
    public BizWebSqlDialect Dialect { get; } = dialect;

    public TContext CreateDbContext() => contexts.CreateDbContext();

    /// <summary>The statements for <paramref name="db"/>, a context this factory made.</summary>
    public StorageSql Sql(DbContext db) => StorageSql.For(db, Dialect);
}
