using BizWeb.Storage.EntityFrameworkCore.PostgreSql;
using BizWeb.Storage.EntityFrameworkCore.Sqlite;
using BizWeb.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace BizWeb.Identity.Comparison;

/// <summary>
/// Two fresh databases on one engine, one per side: ours migrated with our migrations, Identity's made
/// by <c>EnsureCreated</c> from its own model. <see cref="Create"/> owns them (and drops them on
/// dispose); <see cref="Open"/> names databases another process made.
/// </summary>
public sealed class ComparisonDatabase : IDisposable
{
    private readonly bool _owned;

    private ComparisonDatabase(ComparisonEngine engine, string bizWeb, string identity, bool owned)
    {
        Engine = engine;
        BizWebConnectionString = bizWeb;
        IdentityConnectionString = identity;
        _owned = owned;
    }

    /// <summary>The engine both databases are on.</summary>
    public ComparisonEngine Engine { get; }

    /// <summary>Our side's database (our schema, migrated).</summary>
    public string BizWebConnectionString { get; }

    /// <summary>Identity's side's database (Identity's schema).</summary>
    public string IdentityConnectionString { get; }

    /// <summary>Creates both databases on <paramref name="engine"/>.</summary>
    public static ComparisonDatabase Create(ComparisonEngine engine)
    {
        var (bizWeb, identity) = (NewDatabase(engine, "ours"), NewDatabase(engine, "identity"));
        using (var context = engine == ComparisonEngine.Sqlite
            ? new SqliteBizWebDbContext(Options<SqliteBizWebDbContext>(engine, bizWeb))
            : (DbContext)new PostgreSqlBizWebDbContext(Options<PostgreSqlBizWebDbContext>(engine, bizWeb)))
        {
            context.Database.Migrate();
        }

        using (var context = new ComparisonIdentityDbContext(Options<ComparisonIdentityDbContext>(engine, identity)))
        {
            context.Database.EnsureCreated();
            if (engine == ComparisonEngine.Sqlite)
            {
                // Ours migrates the file into WAL mode; Identity gets the same journal.
                context.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL");
            }
        }

        return new ComparisonDatabase(engine, bizWeb, identity, owned: true);
    }

    /// <summary>Databases made by <see cref="Create"/> in another process; disposing leaves them.</summary>
    public static ComparisonDatabase Open(ComparisonEngine engine, string bizWeb, string identity) => new(engine, bizWeb, identity, owned: false);

    /// <summary>Points <paramref name="options"/> at <paramref name="connectionString"/> on this engine.</summary>
    public void Configure(DbContextOptionsBuilder options, string connectionString) => Configure(Engine, options, connectionString);

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_owned)
        {
            return;
        }

        if (Engine == ComparisonEngine.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var database in new[] { BizWebConnectionString, IdentityConnectionString })
            {
                var file = new SqliteConnectionStringBuilder(database).DataSource;
                foreach (var path in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(path);
                }
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        foreach (var database in new[] { BizWebConnectionString, IdentityConnectionString })
        {
            ExecuteOnServer($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(database).Database} WITH (FORCE)");
        }
    }

    private static void Configure(ComparisonEngine engine, DbContextOptionsBuilder options, string connectionString)
    {
        if (engine == ComparisonEngine.Sqlite)
        {
            options.UseSqlite(connectionString);
        }
        else
        {
            options.UseNpgsql(connectionString);
        }
    }

    private static DbContextOptions<TContext> Options<TContext>(ComparisonEngine engine, string connectionString)
        where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        Configure(engine, options, connectionString);
        return options.Options;
    }

    private static string NewDatabase(ComparisonEngine engine, string side)
    {
        var name = $"bizweb_vs_{side}_{Guid.NewGuid():N}"[..40];
        if (engine == ComparisonEngine.Sqlite)
        {
            return new SqliteConnectionStringBuilder { DataSource = Path.Combine(Path.GetTempPath(), name + ".db"), DefaultTimeout = 60 }.ToString();
        }

        ExecuteOnServer($"CREATE DATABASE {name}");
        // A generous connect timeout: the 2-core machine's test cluster can be slow to hand out connections under load.
        return new NpgsqlConnectionStringBuilder(TestPostgreSqlServer.ConnectionString) { Database = name, Timeout = 60, MaxPoolSize = 100 }.ToString();
    }

    private static void ExecuteOnServer(string sql)
    {
        using var connection = new NpgsqlConnection(TestPostgreSqlServer.ConnectionString);
        connection.Open();
#pragma warning disable CA2100 // Database names are made here from GUIDs, never from input.
        using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
