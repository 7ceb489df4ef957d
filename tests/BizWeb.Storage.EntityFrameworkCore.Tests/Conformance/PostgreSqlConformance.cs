using BizWeb.Auth.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Storage.EntityFrameworkCore.Tests.Conformance;

// The store conformance suite on a PostgreSQL database of its own per test (BIZWEB_TEST_POSTGRES).
public sealed class PostgreSqlCredentialCounterConformance : CredentialCounterConformance, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class PostgreSqlUnitOfWorkConformance : UnitOfWorkConformance, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class PostgreSqlOutboxConformance : OutboxConformance, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class PostgreSqlFlowConformance : FlowConformance, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}
