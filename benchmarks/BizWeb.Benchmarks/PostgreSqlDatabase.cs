using BizWeb.Storage.EntityFrameworkCore.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BizWeb.Benchmarks;

/// <summary>A fresh, migrated database on the server of BIZWEB_TEST_POSTGRES, for the database benchmarks.</summary>
internal static class PostgreSqlDatabase
{
    public const string Variable = "BIZWEB_TEST_POSTGRES";

    /// <summary>Creates and migrates a database of its own; answers its connection string.</summary>
#pragma warning disable CA2100 // The name is built from a GUID, never from input.
    public static string CreateMigrated()
    {
        var server = Environment.GetEnvironmentVariable(Variable)
            ?? throw new InvalidOperationException($"Set {Variable} (cleanup_steps=(); source eng/provision/20-postgresql.sh).");
        var database = $"bizweb_bench_{Guid.NewGuid():N}"[..30];
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE {database}";
            create.ExecuteNonQuery();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
        using var context = new PostgreSqlBizWebDbContext(new DbContextOptionsBuilder<PostgreSqlBizWebDbContext>().UseNpgsql(connectionString).Options);
        context.Database.Migrate();
        return connectionString;
    }
#pragma warning restore CA2100
}
