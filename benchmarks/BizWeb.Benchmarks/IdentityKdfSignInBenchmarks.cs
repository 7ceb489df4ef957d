using BenchmarkDotNet.Attributes;
using BizWeb.Auth;

namespace BizWeb.Benchmarks;

/// <summary>
/// Issue 24, end to end: <see cref="IdentitySignInBenchmarks"/> with the production KDF on both sides (our
/// default Argon2id, m = 19 MiB, t = 2, p = 1, behind Identity's <c>IPasswordHasher</c> as well), beside the
/// KDF alone (<see cref="SignIns"/> verifications split over the callers, no database). Goal: both sides
/// within 2 % of the KDF.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("identity", "kdf")]
public class IdentityKdfSignInBenchmarks : IdentityComparisonBenchmarks
{
    public const int SignIns = 16;
    private readonly PhcPinHasher _hasher = new(new PinHashingOptions());
    private string? _hash;

    protected override int Operations => SignIns;

    protected override IPinHasher Hasher => _hasher;

    [Benchmark(Baseline = true, OperationsPerInvoke = SignIns)]
    public Task Identity() => RunIdentityAsync();

    [Benchmark(OperationsPerInvoke = SignIns)]
    public Task BizWeb() => RunBizWebAsync();

    [Benchmark(OperationsPerInvoke = SignIns)]
    public Task KdfAlone()
    {
        _hash ??= _hasher.HashPin(IdentityComparisonFixture.RightPin);
        return ParallelCallers.RunAsync(Callers, SignIns, (_, _) =>
        {
            _ = _hasher.VerifyPin(IdentityComparisonFixture.RightPin, _hash);
            return ValueTask.CompletedTask;
        });
    }
}
