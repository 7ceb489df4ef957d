using BenchmarkDotNet.Attributes;
using BizWeb.Auth;

namespace BizWeb.Benchmarks;

/// <summary>Input validation on every request: expected to allocate nothing for valid input.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("quick", "auth")]
public class PinPolicyBenchmarks
{
    private readonly PinPolicy _policy = PinPolicy.Standard;

    [Benchmark(Baseline = true)]
    public bool ValidatePin_Valid() => _policy.Validate("Abc123xyz").IsValid;

    [Benchmark]
    public bool ValidatePin_Invalid() => _policy.Validate("ａｂｃ-1").IsValid;

    [Benchmark]
    public bool ParseContractId_Valid() => ContractId.Parse("12345678901").Succeeded;

    [Benchmark]
    public bool ParseUserId_Valid() => UserId.Parse("yamadaTaro01").Succeeded;
}
