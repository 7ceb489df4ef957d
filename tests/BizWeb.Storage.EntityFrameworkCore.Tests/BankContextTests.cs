using BizWeb.Auth;
using BizWeb.Auth.Conformance;
using BizWeb.Certificates.Conformance;
using BizWeb.Tokens.Conformance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>A bank's own context with its own tables, the BizWeb tables in schema <c>ib</c> with prefix <c>bw_</c>.</summary>
public sealed class BankDbContext(DbContextOptions<BankDbContext> options) : DbContext(options)
{
    public const string Schema = "ib";
    public const string Prefix = "bw_";

    public DbSet<BankBranch> Branches => Set<BankBranch>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BankBranch>().ToTable("branches", Schema);
        var schema = Database.IsNpgsql() ? Schema : null;
        modelBuilder.AddBizWebAuth(schema, Prefix).AddBizWebTokens(schema, Prefix).AddBizWebCertificates(schema, Prefix);
    }
}

/// <summary>A table of the bank's own.</summary>
public sealed class BankBranch
{
    public int Id { get; set; }

    public required string Name { get; set; }
}

/// <summary>The conformance suite through the bank's context: raw statements find the prefixed, schema-qualified tables.</summary>
public sealed class BankContextCounterConformance : CredentialCounterConformance, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => BankContext.AddTo(services, _database);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class BankContextUnitOfWorkConformance : UnitOfWorkConformance, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => BankContext.AddTo(services, _database);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class BankContextCustomerCardConformance : CustomerCardStoreConformance, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => BankContext.AddTo(services, _database);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class BankContextHardwareTokenConformance : HardwareTokenStoreConformance, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => BankContext.AddTo(services, _database);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

public sealed class BankContextCertificateRevocationListConformance : CertificateRevocationListStoreConformance, IDisposable
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddStores(IServiceCollection services) => BankContext.AddTo(services, _database);

    void IDisposable.Dispose()
    {
        Dispose();
        _database.Dispose();
    }
}

internal static class BankContext
{
    /// <summary>Registers the bank's context on the (empty) test database, creates its tables there, and adds the stores on it.</summary>
    public static void AddTo(IServiceCollection services, PostgreSqlTestDatabase database)
    {
        var options = new DbContextOptionsBuilder<BankDbContext>().UseNpgsql(database.ConnectionString).Options;
        using (var db = new BankDbContext(options))
        {
            // The template holds the ready context's tables; the bank's live beside them in schema "ib".
            var creator = db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
            creator.CreateTables();
            var script = db.Database.GenerateCreateScript();
            Assert.Contains("ib.bw_failure_counters", script, StringComparison.Ordinal);
            Assert.Contains("ib.bw_hardware_tokens", script, StringComparison.Ordinal);
            Assert.Contains("ib.bw_crl", script, StringComparison.Ordinal);
        }

        services.AddDbContextFactory<BankDbContext>(o => o.UseNpgsql(database.ConnectionString));
        services.AddBizWeb().AddPostgreSqlStores<BankDbContext>();
    }
}
