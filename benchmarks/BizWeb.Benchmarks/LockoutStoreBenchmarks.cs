using System.Data.Common;
using BenchmarkDotNet.Attributes;
using BizWeb.Auth;
using BizWeb.Storage.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BizWeb.Benchmarks;

/// <summary>
/// A lockout reservation and its reset (what every guess costs in the database: one conditional
/// upsert, one delete) through the EF Core store, against the same two statements sent bare on one
/// open connection (target ≤ 1.2×; ≥ 2,000 reservations/s on PostgreSQL). PostgreSQL needs
/// BIZWEB_TEST_POSTGRES: <c>cleanup_steps=(); source eng/provision/20-postgresql.sh</c> starts a
/// private cluster (note: that test cluster runs with fsync off, so commit latency is optimistic).
/// </summary>
[MemoryDiagnoser]
public class LockoutStoreBenchmarks
{
    private const string Key = "12345678901/taro#5";
    private ServiceProvider _services = null!;
    private ICredentialCounterStore _store = null!;
    private DbConnection _connection = null!;
    private DbCommand _reserve = null!;
    private DbCommand _reset = null!;
    private string? _sqliteFile;

    [Params("Sqlite", "PostgreSql")]
    public string Provider { get; set; } = "Sqlite";

    [GlobalSetup]
#pragma warning disable CA2100 // The statements are built from the mapped model and a GUID, never from input.
    public void Setup()
    {
        var services = new ServiceCollection();
        BizWebDbContext context;
        if (Provider == "Sqlite")
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"bizweb-bench-{Guid.NewGuid():N}.db");
            var cs = new SqliteConnectionStringBuilder { DataSource = _sqliteFile, DefaultTimeout = 60 }.ToString();
            services.AddBizWeb().AddSqliteStores(cs);
            context = new SqliteBizWebDbContext(new DbContextOptionsBuilder<SqliteBizWebDbContext>().UseSqlite(cs).Options);
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("BIZWEB_TEST_POSTGRES")
                ?? throw new InvalidOperationException("Set BIZWEB_TEST_POSTGRES (cleanup_steps=(); source eng/provision/20-postgresql.sh) to benchmark PostgreSQL.");
            var database = $"bizweb_bench_{Guid.NewGuid():N}"[..30];
            using (var admin = new NpgsqlConnection(server))
            {
                admin.Open();
                using var create = admin.CreateCommand();
                create.CommandText = $"CREATE DATABASE {database}";
                create.ExecuteNonQuery();
            }

            var cs = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
            services.AddBizWeb().AddPostgreSqlStores(cs);
            context = new PostgreSqlBizWebDbContext(new DbContextOptionsBuilder<PostgreSqlBizWebDbContext>().UseNpgsql(cs).Options);
        }

        context.Database.Migrate();
        _services = services.BuildServiceProvider();
        _store = _services.GetRequiredService<ICredentialCounterStore>();

        // The baseline: the store's own statements, bare, on one connection kept open.
        var sql = StorageSql.For(context);
        _connection = context.Database.GetDbConnection();
        _connection.Open();
        _reserve = _connection.CreateCommand();
        _reserve.CommandText = sql.ReserveAttempt;
        _reserve.Parameters.Add(sql.Parameter("@key", Key));
        _reserve.Parameters.Add(sql.Parameter("@limit", 7));
        _reserve.Parameters.Add(sql.Int64Parameter("@now", 0));
        _reserve.Parameters.Add(sql.Int64Parameter("@expires", null));
        _reset = _connection.CreateCommand();
        var table = context.Model.FindEntityType(typeof(BizWeb.Storage.EntityFrameworkCore.CounterRow))!;
        _reset.CommandText = $"DELETE FROM {Quote(table.GetTableName()!, table.GetSchema())} WHERE {Quote(table.FindProperty(nameof(BizWeb.Storage.EntityFrameworkCore.CounterRow.Key))!.GetColumnName(), null)} = @key";
        _reset.Parameters.Add(sql.Parameter("@key", Key));
    }
#pragma warning restore CA2100

    [GlobalCleanup]
    public void Cleanup()
    {
        _reserve.Dispose();
        _reset.Dispose();
        _connection.Dispose();
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        if (_sqliteFile is not null)
        {
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<object?> BareStatementsOnOneConnection()
    {
        var failures = await _reserve.ExecuteScalarAsync();
        await _reset.ExecuteNonQueryAsync();
        return failures;
    }

    [Benchmark]
    public async Task<int> StoreReservationAndReset()
    {
        var reservation = await _store.TryReserveAttemptAsync(Key, 7, DateTimeOffset.UnixEpoch, null, default);
        await _store.ResetAsync(Key, default);
        return reservation.Failures;
    }

    private static string Quote(string name, string? schema) => schema is null ? $"\"{name}\"" : $"\"{schema}\".\"{name}\"";
}
