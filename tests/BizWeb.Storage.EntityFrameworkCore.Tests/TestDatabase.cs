using BizWeb.Auth;
using BizWeb.Storage.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>A fresh, migrated database of one provider for one test; dropped (or deleted) on dispose.</summary>
public abstract class TestDatabase : IDisposable
{
    /// <summary>The connection string of this test's database.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>Whether this is PostgreSQL (otherwise a SQLite file).</summary>
    public abstract bool IsPostgreSql { get; }

    /// <summary>Configures options for this database's provider.</summary>
    public abstract void Configure(DbContextOptionsBuilder options);

    /// <summary>A new context on this database (the ready context of the provider).</summary>
    public abstract BizWebDbContext CreateContext(Action<DbContextOptionsBuilder>? configure = null);

    /// <summary>Replaces the in-memory stores of <paramref name="services"/> with the EF Core stores on this database.</summary>
    public abstract void AddStores(IServiceCollection services, Action<DbContextOptionsBuilder>? configure = null);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Drops the database.</summary>
    protected abstract void Dispose(bool disposing);

    /// <summary>Registers <typeparamref name="TContext"/> as a factory and the stores on it.</summary>
    protected void AddStores<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder>? configure)
        where TContext : BizWebDbContext
    {
        services.AddDbContextFactory<TContext>(o =>
        {
            Configure(o);
            configure?.Invoke(o);
        });
        services.AddBizWeb().AddEntityFrameworkStores<TContext>(IsPostgreSql ? PostgreSqlBizWebSqlDialect.Instance : SqliteBizWebSqlDialect.Instance);
    }
}
