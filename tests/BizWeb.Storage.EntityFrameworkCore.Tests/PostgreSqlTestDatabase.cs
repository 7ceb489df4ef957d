using BizWeb.Storage.EntityFrameworkCore;
using BizWeb.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>
/// A database of its own for one test on the server of BIZWEB_TEST_POSTGRES, created from a template
/// migrated once per test run. When the variable is absent (a developer running <c>dotnet test</c>
/// alone), the fixture sources eng/provision/20-postgresql.sh itself, which starts (or reuses) the
/// private cluster; if that fails, every PostgreSQL test fails with the script's message. Never skipped.
/// </summary>
public sealed class PostgreSqlTestDatabase : TestDatabase
{
    public const string Variable = TestPostgreSqlServer.Variable;
    private static readonly Lazy<string> Template = new(CreateTemplate);
    private static readonly SemaphoreSlim Creating = new(1, 1);
    private readonly string _name;

    public PostgreSqlTestDatabase()
    {
        _name = $"bizweb_test_{Guid.NewGuid():N}";
        Creating.Wait();
        try
        {
            Execute($"CREATE DATABASE {_name} TEMPLATE {Template.Value}");
        }
        finally
        {
            Creating.Release();
        }

        ConnectionString = For(_name);
    }

    public override string ConnectionString { get; }

    public override bool IsPostgreSql => true;

    /// <summary>The server's connection string (database <c>postgres</c>).</summary>
    public static string ServerConnectionString => TestPostgreSqlServer.ConnectionString;

    public override void Configure(DbContextOptionsBuilder options) => options.UseNpgsql(ConnectionString);

    public override BizWebDbContext CreateContext(Action<DbContextOptionsBuilder>? configure = null)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlBizWebDbContext>();
        Configure(options);
        configure?.Invoke(options);
        return new PostgreSqlBizWebDbContext(options.Options);
    }

    public override void AddStores(IServiceCollection services, Action<DbContextOptionsBuilder>? configure = null) =>
        AddStores<PostgreSqlBizWebDbContext>(services, configure);

    protected override void Dispose(bool disposing)
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    // A generous connect timeout: on a loaded 2-core machine the test cluster can take longer than
    // Npgsql's 15 s default to hand out a connection while many test databases are busy at once.
    private static string For(string database) => new NpgsqlConnectionStringBuilder(TestPostgreSqlServer.ConnectionString) { Database = database, Timeout = 60 }.ToString();

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(TestPostgreSqlServer.ConnectionString);
        connection.Open();
#pragma warning disable CA2100 // database names are generated here from GUIDs, never input
        using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    private static string CreateTemplate()
    {
        var name = $"bizweb_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
        Execute($"CREATE DATABASE {name}");
        using (var db = new PostgreSqlBizWebDbContext(new DbContextOptionsBuilder<PostgreSqlBizWebDbContext>().UseNpgsql(For(name)).Options))
        {
            db.Database.Migrate();
        }

        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
            catch (NpgsqlException)
            {
                // The server may already be stopping at the end of eng/test.sh.
            }
        };
        return name;
    }
}
