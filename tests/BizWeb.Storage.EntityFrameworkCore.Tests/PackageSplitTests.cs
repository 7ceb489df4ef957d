using System.Reflection;
using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>
/// The storage packages are split by provider (issue 16): the core assembly references no ADO.NET or EF
/// Core provider, each provider package only its own, and a context or migration of one provider is
/// refused by the other's dialect instead of running its SQL.
/// </summary>
public sealed class PackageSplitTests
{
    private static readonly string[] SqliteAssemblies = ["Microsoft.Data.Sqlite", "Microsoft.EntityFrameworkCore.Sqlite", "SQLitePCLRaw"];
    private static readonly string[] PostgreSqlAssemblies = ["Npgsql", "Npgsql.EntityFrameworkCore.PostgreSQL"];

    [Fact]
    public void The_core_assembly_references_neither_Npgsql_nor_SQLite()
    {
        var references = Referenced(typeof(BizWebDbContext).Assembly);
        Assert.Contains("Microsoft.EntityFrameworkCore.Relational", references);
        Assert.DoesNotContain(references, r => IsAny(r, SqliteAssemblies) || IsAny(r, PostgreSqlAssemblies));
    }

    [Fact]
    public void Each_provider_assembly_references_its_own_provider_only()
    {
        var sqlite = Referenced(typeof(SqliteBizWebDbContext).Assembly);
        var postgreSql = Referenced(typeof(PostgreSqlBizWebDbContext).Assembly);
        Assert.Contains(sqlite, r => IsAny(r, SqliteAssemblies));
        Assert.DoesNotContain(sqlite, r => IsAny(r, PostgreSqlAssemblies));
        Assert.Contains(postgreSql, r => IsAny(r, PostgreSqlAssemblies));
        Assert.DoesNotContain(postgreSql, r => IsAny(r, SqliteAssemblies));
    }

    [Fact]
    public void No_provider_type_or_provider_name_lives_in_the_core_assembly()
    {
        var core = typeof(BizWebDbContext).Assembly;
        Assert.DoesNotContain(core.GetTypes(), t => t.Name.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) || t.Name.Contains("PostgreSql", StringComparison.OrdinalIgnoreCase) || t.Name.Contains("Npgsql", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", SqliteBizWebSqlDialect.Instance.ProviderName);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", PostgreSqlBizWebSqlDialect.Instance.ProviderName);
    }

    [Fact]
    public async Task Stores_registered_with_another_providers_dialect_refuse_the_context_at_their_first_call()
    {
        using var database = new SqliteTestDatabase();
        var services = new ServiceCollection();
        services.AddDbContextFactory<SqliteBizWebDbContext>(database.Configure);
        services.AddBizWeb().AddPostgreSqlStores<SqliteBizWebDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var counters = scope.ServiceProvider.GetRequiredService<ICredentialCounterStore>();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () => await counters.GetFailuresAsync("k", DateTimeOffset.UnixEpoch, CancellationToken.None));
        Assert.Contains("Npgsql.EntityFrameworkCore.PostgreSQL", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Microsoft.EntityFrameworkCore.Sqlite", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_audit_guard_refuses_a_migration_of_another_provider()
    {
        var migration = new MigrationBuilder("Microsoft.EntityFrameworkCore.Sqlite");
        Assert.Throws<InvalidOperationException>(() => migration.CreateBizWebAuditGuard(PostgreSqlBizWebSqlDialect.Instance));
        Assert.Empty(migration.Operations);
        migration.CreateBizWebAuditGuard(SqliteBizWebSqlDialect.Instance, schema: null, tablePrefix: "bw_");
        Assert.All(migration.Operations, o => Assert.Contains("\"bw_audit", Assert.IsType<SqlOperation>(o).Sql, StringComparison.Ordinal));
    }

    private static List<string> Referenced(Assembly assembly) => [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    private static bool IsAny(string reference, string[] names) =>
        names.Any(n => reference == n || reference.StartsWith(n + ".", StringComparison.Ordinal));
}
