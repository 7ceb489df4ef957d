using System.Data.Common;
using BenchmarkDotNet.Attributes;
using BizWeb.Auth;
using BizWeb.Storage.EntityFrameworkCore;
using BizWeb.Storage.EntityFrameworkCore.PostgreSql;
using BizWeb.Storage.EntityFrameworkCore.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BizWeb.Benchmarks;

/// <summary>
/// One credential's lockout reservation (taken atomically before the guess is checked) and its reset
/// after a right guess, through <see cref="ICredentialCounterStore"/> (issue 10: ≤ 1.2× the bare
/// statements; ≥ 2,000/s on PostgreSQL). Baseline: the bare conditional increment and delete on the
/// same backend with nothing around them (in memory: one lock and a dictionary; in a database: the
/// store's own <c>INSERT … ON CONFLICT DO UPDATE … WHERE failures &lt; @limit</c> and <c>DELETE</c>,
/// executed as raw commands on the same open connection).
/// The database backends plug in as more <see cref="Store"/> values (see <see cref="LockoutBackend.Create"/>).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("quick", "lockout")]
public class LockoutBenchmarks
{
    private const string Key = "12345678901/taro#5";
    private const int Limit = 7;
    private LockoutBackend _backend = null!;

    /// <summary>The store: InMemory, Sqlite (a temporary file), and PostgreSql when BIZWEB_TEST_POSTGRES names a server.</summary>
    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "InMemory";

    /// <summary>
    /// PostgreSQL joins when BIZWEB_TEST_POSTGRES is set (<c>cleanup_steps=(); source
    /// eng/provision/20-postgresql.sh</c> starts the test cluster, which runs with fsync off: commit
    /// latency is optimistic there).
    /// </summary>
    public static IEnumerable<string> Stores() =>
        Environment.GetEnvironmentVariable("BIZWEB_TEST_POSTGRES") is null ? ["InMemory", "Sqlite"] : ["InMemory", "Sqlite", "PostgreSql"];

    [GlobalSetup]
    public void Setup() => _backend = LockoutBackend.Create(Store);

    [GlobalCleanup]
    public void Cleanup() => _backend.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The two bare statements, awaited one after the other as the store's caller awaits the store's two calls.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> BareConditionalUpdate()
    {
        var failures = await _backend.BareReserveAsync(Key, Limit, DateTimeOffset.UnixEpoch);
        await _backend.BareResetAsync(Key);
        return failures;
    }

    [Benchmark]
    public async Task<int> ReservationAndReset()
    {
        var reservation = await _backend.Counters.TryReserveAttemptAsync(Key, Limit, DateTimeOffset.UnixEpoch, null, default);
        await _backend.Counters.ResetAsync(Key, default);
        return reservation.Failures;
    }
}

/// <summary>A counter store under test and the bare statements it is measured against.</summary>
internal abstract class LockoutBackend : IAsyncDisposable
{
    public abstract ICredentialCounterStore Counters { get; }

    /// <summary>
    /// The backends by name: the in-memory store, and the EF Core store on an SQLite file or on
    /// PostgreSQL, whose bare statements are <c>StorageSql</c>'s reservation and the counter delete
    /// run through commands prepared once on one open connection.
    /// </summary>
    public static LockoutBackend Create(string name) => name switch
    {
        "InMemory" => new InMemoryBackend(),
        "Sqlite" or "PostgreSql" => new DatabaseBackend(name == "PostgreSql"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "InMemory, Sqlite or PostgreSql."),
    };

    /// <summary>The bare conditional increment: the failures of <paramref name="key"/> + 1 if under <paramref name="limit"/>.</summary>
    public abstract ValueTask<int> BareReserveAsync(string key, int limit, DateTimeOffset now);

    /// <summary>The bare delete of <paramref name="key"/>'s counter.</summary>
    public abstract ValueTask BareResetAsync(string key);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class InMemoryBackend : LockoutBackend
    {
        private readonly InMemoryAuthStore _store = new();
        private readonly Lock _gate = new();
        private readonly Dictionary<string, (int Failures, DateTimeOffset? ExpiresAt)> _counters = new(StringComparer.Ordinal);

        public override ICredentialCounterStore Counters => _store;

        public override ValueTask<int> BareReserveAsync(string key, int limit, DateTimeOffset now)
        {
            lock (_gate)
            {
                // As the SQL does: an expired counter starts again at zero.
                var failures = _counters.TryGetValue(key, out var counter) && !(counter.ExpiresAt <= now) ? counter.Failures : 0;
                if (failures < limit)
                {
                    _counters[key] = (++failures, null);
                }

                return ValueTask.FromResult(failures);
            }
        }

        public override ValueTask BareResetAsync(string key)
        {
            lock (_gate)
            {
                _counters.Remove(key);
                return ValueTask.CompletedTask;
            }
        }
    }

    /// <summary>The EF Core store on a fresh SQLite file or PostgreSQL database, migrated.</summary>
    private sealed class DatabaseBackend : LockoutBackend
    {
        private readonly ServiceProvider _services;
        private readonly DbConnection _connection;
        private readonly DbCommand _reserve;
        private readonly DbCommand _reset;
        private readonly string? _sqliteFile;

#pragma warning disable CA2100 // The statements come from the mapped model and a GUID, never from input.
        public DatabaseBackend(bool postgreSql)
        {
            var services = new ServiceCollection();
            BizWebDbContext context;
            if (postgreSql)
            {
                var cs = PostgreSqlDatabase.CreateMigrated();
                services.AddBizWeb().AddPostgreSqlStores(cs);
                context = new PostgreSqlBizWebDbContext(new DbContextOptionsBuilder<PostgreSqlBizWebDbContext>().UseNpgsql(cs).Options);
            }
            else
            {
                _sqliteFile = Path.Combine(Path.GetTempPath(), $"bizweb-bench-{Guid.NewGuid():N}.db");
                var cs = new SqliteConnectionStringBuilder { DataSource = _sqliteFile, DefaultTimeout = 60 }.ToString();
                services.AddBizWeb().AddSqliteStores(cs);
                context = new SqliteBizWebDbContext(new DbContextOptionsBuilder<SqliteBizWebDbContext>().UseSqlite(cs).Options);
            }

            context.Database.Migrate();
            _services = services.BuildServiceProvider();
            Counters = _services.GetRequiredService<ICredentialCounterStore>();
            var sql = StorageSql.For(context, postgreSql ? PostgreSqlBizWebSqlDialect.Instance : SqliteBizWebSqlDialect.Instance);
            _connection = context.Database.GetDbConnection();
            _connection.Open();
            _reserve = _connection.CreateCommand();
            _reserve.CommandText = sql.ReserveAttempt;
            _reserve.Parameters.Add(sql.Parameter("@key", string.Empty));
            _reserve.Parameters.Add(sql.Parameter("@limit", 0));
            _reserve.Parameters.Add(sql.Int64Parameter("@now", 0));
            _reserve.Parameters.Add(sql.Int64Parameter("@expires", null));
            var table = context.Model.FindEntityType(typeof(CounterRow))!;
            var keyColumn = table.FindProperty(nameof(CounterRow.Key))!.GetColumnName();
            _reset = _connection.CreateCommand();
            _reset.CommandText = $"DELETE FROM \"{table.GetTableName()}\" WHERE \"{keyColumn}\" = @key";
            _reset.Parameters.Add(sql.Parameter("@key", string.Empty));
        }
#pragma warning restore CA2100

        public override ICredentialCounterStore Counters { get; }

        public override async ValueTask<int> BareReserveAsync(string key, int limit, DateTimeOffset now)
        {
            _reserve.Parameters["@key"].Value = key;
            _reserve.Parameters["@limit"].Value = limit;
            _reserve.Parameters["@now"].Value = now.UtcTicks;
            return Convert.ToInt32(await _reserve.ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        public override async ValueTask BareResetAsync(string key)
        {
            _reset.Parameters["@key"].Value = key;
            await _reset.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        public override async ValueTask DisposeAsync()
        {
            await _reserve.DisposeAsync().ConfigureAwait(false);
            await _reset.DisposeAsync().ConfigureAwait(false);
            await _connection.DisposeAsync().ConfigureAwait(false);
            await _services.DisposeAsync().ConfigureAwait(false);
            SqliteConnection.ClearAllPools();
            if (_sqliteFile is not null)
            {
                foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                {
                    File.Delete(file);
                }
            }

            await base.DisposeAsync().ConfigureAwait(false);
        }
    }
}
