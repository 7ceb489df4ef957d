using BizWeb.Certificates;
using BizWeb.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>The EF Core stores replace the tokens' and certificates' in-memory defaults whether they are registered before or after those packages.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void Stores_registered_after_the_packages_replace_their_in_memory_defaults()
    {
        var services = new ServiceCollection();
        services.AddBizWeb().AddCustomerCards().AddHardwareTokens().AddCertificateAuthority().AddSqliteStores("Data Source=:memory:");
        AssertEntityFrameworkStores(services);
    }

    [Fact]
    public void Stores_registered_before_the_packages_are_kept_by_them()
    {
        var services = new ServiceCollection();
        services.AddBizWeb().AddSqliteStores("Data Source=:memory:").AddCustomerCards().AddHardwareTokens().AddCertificateAuthority();
        AssertEntityFrameworkStores(services);
    }

    private static void AssertEntityFrameworkStores(ServiceCollection services)
    {
        Assert.Single(services, d => d.ServiceType == typeof(IHardwareTokenStore));
        Assert.Single(services, d => d.ServiceType == typeof(ICertificateStore));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using var scope = provider.CreateScope();
        var get = scope.ServiceProvider;
        Assert.IsType<EfCustomerCardStore<SqliteBizWebDbContext>>(get.GetRequiredService<ICustomerCardStore>());
        Assert.IsType<EfCustomerCardChallengeStore<SqliteBizWebDbContext>>(get.GetRequiredService<ICustomerCardChallengeStore>());
        Assert.IsType<EfHardwareTokenStore<SqliteBizWebDbContext>>(get.GetRequiredService<IHardwareTokenStore>());
        Assert.IsType<EfTransactionConfirmationStore<SqliteBizWebDbContext>>(get.GetRequiredService<ITransactionConfirmationStore>());
        Assert.IsType<EfCertificateStore<SqliteBizWebDbContext>>(get.GetRequiredService<ICertificateStore>());
        Assert.IsType<EfCertificateRevocationListStore<SqliteBizWebDbContext>>(get.GetRequiredService<ICertificateRevocationListStore>());
    }
}
