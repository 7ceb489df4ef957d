using BenchmarkDotNet.Attributes;
using BizWeb.Auth;

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

    /// <summary>The store: InMemory here; Sqlite and PostgreSql with the EF Core store package.</summary>
    [Params("InMemory")]
    public string Store { get; set; } = "InMemory";

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
    /// The backends by name. The EF Core store package (branch <c>storage</c>) adds "Sqlite" and
    /// "PostgreSql": a context from its factory (an SQLite file; the PostgreSQL test cluster's
    /// connection string from BIZWEB_TEST_POSTGRES), the store's <c>EfCredentialCounterStore</c> as
    /// <see cref="Counters"/>, and as the bare statements <c>StorageSql</c>'s reservation and
    /// reset text run through a <c>DbCommand</c> prepared once on the same open connection.
    /// </summary>
    public static LockoutBackend Create(string name) => name switch
    {
        "InMemory" => new InMemoryBackend(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "InMemory only until the EF Core store package is merged."),
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
}
