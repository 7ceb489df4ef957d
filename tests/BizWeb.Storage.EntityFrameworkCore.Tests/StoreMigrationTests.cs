using BizWeb.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary><c>MigrateBizWebStoresAsync()</c>: one call at start brings the registered stores' database up to date.</summary>
public sealed class StoreMigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bizweb-migrate-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_new_SQLite_database_is_created_and_migrated_and_a_second_call_changes_nothing()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddBizWeb().AddSqliteStores($"Data Source={Path.Combine(_directory, "bizweb.db")};Pooling=False");
        await using var provider = services.BuildServiceProvider();

        await provider.MigrateBizWebStoresAsync();
        await provider.MigrateBizWebStoresAsync();

        await using var scope = provider.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IContractStore>().FindAsync(ContractId.Parse("12345678901").Value, CancellationToken.None));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<IAuditTrailStore>().ReadAsync(0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Without_EF_Core_stores_it_says_what_to_register()
    {
        var services = new ServiceCollection();
        services.AddBizWeb();
        await using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.MigrateBizWebStoresAsync());
        Assert.Contains("AddSqliteStores", error.Message, StringComparison.Ordinal);
    }
}
