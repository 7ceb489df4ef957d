using System.Diagnostics;
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
    public const string Variable = "BIZWEB_TEST_POSTGRES";
    private static readonly Lazy<string> Server = new(FindServer);
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
    public static string ServerConnectionString => Server.Value;

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
    private static string For(string database) => new NpgsqlConnectionStringBuilder(Server.Value) { Database = database, Timeout = 60 }.ToString();

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(Server.Value);
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

    private static string FindServer()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var script = Path.Combine(RepositoryRoot.Find(), "eng", "provision", "20-postgresql.sh");
        var start = new ProcessStartInfo("bash", ["-c", $"set -euo pipefail; source '{script}'; echo \"{Variable}=${Variable}\""])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Variable + "=", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException(
                $"{Variable} is not set and {script} could not start PostgreSQL (exit {process.ExitCode}):\n{output}\n{error}");
        }

        return line[(Variable.Length + 1)..];
    }
}
