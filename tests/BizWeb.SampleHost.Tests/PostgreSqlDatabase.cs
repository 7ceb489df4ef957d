using Npgsql;

namespace BizWeb.SampleHost.Tests;

/// <summary>An empty database of its own on the server of BIZWEB_TEST_POSTGRES (eng/test.sh starts one); the host migrates it.</summary>
public sealed class PostgreSqlDatabase : IDisposable
{
    private readonly string _server;
    private readonly string _name = $"bizweb_host_{Guid.NewGuid():N}";

    public PostgreSqlDatabase()
    {
        _server = Environment.GetEnvironmentVariable("BIZWEB_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException("BIZWEB_TEST_POSTGRES is not set: run the README's test command (eng/test.sh starts a private PostgreSQL), or `source eng/provision/20-postgresql.sh`.");
        Execute($"CREATE DATABASE {_name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name, MaxPoolSize = 20 }.ToString();
    }

    public string ConnectionString { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
#pragma warning disable CA2100 // the database name is generated here from a GUID, never input
        using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
