using BizWeb.Certificates.Conformance;
using BizWeb.Tokens.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Storage.EntityFrameworkCore.Tests.Conformance;

// The token and certificate store conformance suites on a SQLite file of its own per test.
public sealed class SqliteCustomerCardStoreConformance : CustomerCardStoreConformance, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class SqliteHardwareTokenStoreConformance : HardwareTokenStoreConformance, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class SqliteHardwareTokenRegistrationConformance : HardwareTokenRegistrationConformance, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class SqliteHotpTokenConformance : HotpTokenConformance, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class SqliteTransactionConfirmationStoreConformance : TransactionConfirmationStoreConformance, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class SqliteCertificateStoreConformance : CertificateStoreConformance, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class SqliteCertificateRevocationListStoreConformance : CertificateRevocationListStoreConformance, IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}
