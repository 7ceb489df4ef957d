using BenchmarkDotNet.Attributes;
using BizWeb.Auth;

namespace BizWeb.Benchmarks;

/// <summary>
/// Issue 24, store overhead: our user sign-in (<see cref="UserSignIn.SignInAsync"/>: lockout reservation,
/// PIN check, state checks, audited hash-chained commit) beside ASP.NET Core Identity's
/// <c>FindByNameAsync</c> + <c>SignInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true)</c>
/// on its EF Core stores, both with the same hasher: a plain constant-time comparison, so what is
/// measured is the stores. Wrong-PIN accounts take 6 guesses between resets, one under the limit of 7.
/// Baseline: Identity, in the same run; <see cref="IdentityWithAudit"/> is Identity plus the one audit
/// insert per attempt a bank would have to add (no hash chain), the like-for-like row.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("identity")]
public class IdentitySignInBenchmarks : IdentityComparisonBenchmarks
{
    public const int SignIns = 96;

    protected override int Operations => SignIns;

    protected override IPinHasher Hasher { get; } = new ScalingFixture.PlainComparisonHasher();

    [Benchmark(Baseline = true, OperationsPerInvoke = SignIns)]
    public Task Identity() => RunIdentityAsync();

    [Benchmark(OperationsPerInvoke = SignIns)]
    public Task IdentityWithAudit() => RunIdentityAuditedAsync();

    [Benchmark(OperationsPerInvoke = SignIns)]
    public Task BizWeb() => RunBizWebAsync();
}
