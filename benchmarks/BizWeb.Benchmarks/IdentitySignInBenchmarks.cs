using BenchmarkDotNet.Attributes;
using BizWeb.Auth;
using BizWeb.Identity.Comparison;

namespace BizWeb.Benchmarks;

/// <summary>
/// Issue 24, store overhead: our user sign-in (<see cref="UserSignIn.SignInAsync"/>: lockout reservation,
/// PIN check, state checks, audited hash-chained commit) beside ASP.NET Core Identity's
/// <c>FindByNameAsync</c> + <c>SignInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true)</c>
/// on its EF Core stores, both on SQLite and PostgreSQL, both with the same hasher: a plain constant-time
/// comparison, so what is measured is the stores. Rows: right PIN, wrong PIN (6 per account between
/// resets, one under the limit of 7), locked account; 1, 2, 4, 8 callers. Each invocation is
/// <see cref="Operations"/> sign-ins split over the callers (each its own account), so the mean is wall
/// time per sign-in. Baseline: Identity, in the same run.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("identity")]
[InvocationCount(1)]
public class IdentitySignInBenchmarks
{
    public const int Operations = 96;
    private IdentityComparisonFixture _fixture = null!;

    [ParamsSource(nameof(Engines))]
    public ComparisonEngine Engine { get; set; }

    [ParamsSource(nameof(Rows))]
    public string Row { get; set; } = "RightPin";

    [Params(1, 2, 4, 8)]
    public int Callers { get; set; }

    public static IEnumerable<ComparisonEngine> Engines() => IdentityComparisonFixture.Engines();

    public static IEnumerable<string> Rows() => IdentityComparisonFixture.Rows;

    [GlobalSetup]
    public void Setup() => _fixture = IdentityComparisonFixture.Create(Engine, new ScalingFixture.PlainComparisonHasher(), Row, Callers, Operations);

    [IterationSetup]
    public void ResetWrongPinAccounts() => _fixture.ResetWrongPinAccountsAsync(Callers).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _fixture.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public Task Identity() => _fixture.RunAsync(_fixture.Identity, Callers, Operations);

    [Benchmark(OperationsPerInvoke = Operations)]
    public Task BizWeb() => _fixture.RunAsync(_fixture.BizWeb, Callers, Operations);
}

/// <summary>
/// Issue 24, end to end: the same comparison with the production KDF on both sides (our default
/// Argon2id, m = 19 MiB, t = 2, p = 1, through Identity's <c>IPasswordHasher</c> as well), beside the KDF
/// alone (<see cref="Operations"/> verifications split over the callers, no database). Goal: both
/// sides within 2 % of the KDF. <see cref="Operations"/> sign-ins per invocation.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("identity", "kdf")]
[InvocationCount(1)]
public class IdentityKdfSignInBenchmarks
{
    public const int Operations = 16;
    private readonly PhcPinHasher _hasher = new(new PinHashingOptions());
    private IdentityComparisonFixture _fixture = null!;
    private string _hash = null!;

    [ParamsSource(nameof(Engines))]
    public ComparisonEngine Engine { get; set; }

    [ParamsSource(nameof(Rows))]
    public string Row { get; set; } = "RightPin";

    [Params(1, 2, 4, 8)]
    public int Callers { get; set; }

    public static IEnumerable<ComparisonEngine> Engines() => IdentityComparisonFixture.Engines();

    public static IEnumerable<string> Rows() => IdentityComparisonFixture.Rows;

    [GlobalSetup]
    public void Setup()
    {
        _hash = _hasher.HashPin(IdentityComparisonFixture.RightPin);
        _fixture = IdentityComparisonFixture.Create(Engine, _hasher, Row, Callers, Operations);
    }

    [IterationSetup]
    public void ResetWrongPinAccounts() => _fixture.ResetWrongPinAccountsAsync(Callers).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _fixture.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public Task Identity() => _fixture.RunAsync(_fixture.Identity, Callers, Operations);

    [Benchmark(OperationsPerInvoke = Operations)]
    public Task BizWeb() => _fixture.RunAsync(_fixture.BizWeb, Callers, Operations);

    [Benchmark(OperationsPerInvoke = Operations)]
    public Task KdfAlone() => ParallelCallers.RunAsync(Callers, Operations, (_, _) =>
    {
        _ = _hasher.VerifyPin(IdentityComparisonFixture.RightPin, _hash);
        return ValueTask.CompletedTask;
    });
}
