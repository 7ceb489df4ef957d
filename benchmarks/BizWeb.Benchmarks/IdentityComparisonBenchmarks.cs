using BenchmarkDotNet.Attributes;
using BizWeb.Auth;
using BizWeb.Identity.Comparison;

namespace BizWeb.Benchmarks;

/// <summary>
/// The cases of issue 24's comparison, shared by <see cref="IdentitySignInBenchmarks"/> and
/// <see cref="IdentityKdfSignInBenchmarks"/>: engine (SQLite; PostgreSQL on BIZWEB_TEST_POSTGRES, or the
/// cluster eng/provision/20-postgresql.sh starts), row (right PIN, wrong PIN, locked account) and 1, 2, 4, 8
/// callers, each its own account. One invocation is <see cref="Operations"/> sign-ins split over the
/// callers (the mean is wall time per sign-in); between iterations the wrong-PIN accounts are reset outside
/// the measurement, hence one invocation per iteration.
/// </summary>
[InvocationCount(1)]
public abstract class IdentityComparisonBenchmarks
{
    private IdentityComparisonFixture _fixture = null!;

    [Params(ComparisonEngine.Sqlite, ComparisonEngine.PostgreSql)]
    public ComparisonEngine Engine { get; set; }

    [Params("RightPin", "WrongPin", "Locked")]
    public string Row { get; set; } = "RightPin";

    [Params(1, 2, 4, 8)]
    public int Callers { get; set; }

    /// <summary>Sign-ins per invocation (the <c>OperationsPerInvoke</c> of the derived class's benchmarks).</summary>
    protected abstract int Operations { get; }

    /// <summary>The hasher both sides verify with.</summary>
    protected abstract IPinHasher Hasher { get; }

    [GlobalSetup]
    public void Setup() => _fixture = IdentityComparisonFixture.Create(Engine, Hasher, Row, Callers, Operations);

    [IterationSetup]
    public void ResetWrongPinAccounts() => _fixture.ResetWrongPinAccountsAsync(Callers).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _fixture.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Identity's sign-ins of one invocation.</summary>
    protected Task RunIdentityAsync() => _fixture.RunAsync(_fixture.Identity, Callers, Operations);

    /// <summary>Identity's sign-ins of one invocation, each followed by an audit insert.</summary>
    protected Task RunIdentityAuditedAsync() => _fixture.RunAsync(_fixture.IdentityAudited, Callers, Operations);

    /// <summary>Our sign-ins of one invocation.</summary>
    protected Task RunBizWebAsync() => _fixture.RunAsync(_fixture.BizWeb, Callers, Operations);
}
