using BizWeb.Certificates.Conformance;
using BizWeb.Tokens.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Storage.EntityFrameworkCore.Tests.Conformance;

// The token and certificate store conformance suites on a PostgreSQL database of its own per test (BIZWEB_TEST_POSTGRES).
public sealed class PostgreSqlCustomerCardStoreConformance : CustomerCardStoreConformance, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class PostgreSqlHardwareTokenStoreConformance : HardwareTokenStoreConformance, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class PostgreSqlHardwareTokenRegistrationConformance : HardwareTokenRegistrationConformance, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class PostgreSqlHotpTokenConformance : HotpTokenConformance, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class PostgreSqlTransactionConfirmationStoreConformance : TransactionConfirmationStoreConformance, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class PostgreSqlCertificateStoreConformance : CertificateStoreConformance, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class PostgreSqlCertificateRevocationListStoreConformance : CertificateRevocationListStoreConformance, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => _database.AddStores(services);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}
