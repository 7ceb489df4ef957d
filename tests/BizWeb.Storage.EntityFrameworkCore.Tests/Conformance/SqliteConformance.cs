using BizWeb.Auth.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Storage.EntityFrameworkCore.Tests.Conformance;

// The store conformance suite on a SQLite file of its own per test.
public sealed class SqliteCredentialCounterConformance : CredentialCounterConformance, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class SqliteUnitOfWorkConformance : UnitOfWorkConformance, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class SqliteOutboxConformance : OutboxConformance, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class SqliteFlowConformance : FlowConformance, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}
