using BizWeb.Auth.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Storage.EntityFrameworkCore.Tests.Conformance;

// The transaction stores (settings, transfers, daily totals) on SQLite and PostgreSQL.
public sealed class SqliteTransactionConformance : TransactionConformance, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class PostgreSqlTransactionConformance : TransactionConformance, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}
