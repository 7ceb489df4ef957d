using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BizWeb.Auth;
using BizWeb.Tokens;

namespace BizWeb.Benchmarks;

/// <summary>
/// HOTP verification as the SDK runs it for a stored token (<c>HardwareTokenCodes.Match</c>, used by
/// sign-in, enrollment and transfer confirmation): the default look-ahead
/// (<see cref="HardwareTokenOptions.HotpLookAhead"/> = 10, counters c … c + 10) plus the counter the token
/// used last (c − 1), told apart as a replay: 12 HMACs. Baseline: twelve raw one-shot HMAC-SHA1 calls.
/// Target (issue 20): ≤ 1.1× the baseline. <see cref="TokenMatchMiss"/> adds what the stored path adds:
/// the AES-GCM unprotect of the seed and its zeroing.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("quick", "tokens")]
public class HotpSdkPathBenchmarks
{
    private const long LastUsed = 999;
    private static readonly int LookAhead = new HardwareTokenOptions().HotpLookAhead;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(20);
    private string _miss = string.Empty;
    private HardwareToken _token = null!;
    private HardwareTokenCodes _codes = null!;

    [GlobalSetup]
    public void Setup()
    {
        _miss = Enumerable.Range(0, 1_000_000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .First(c => !HotpVerifier.TryMatch(_key, c, OtpHashAlgorithm.Sha1, 6, LastUsed, LookAhead + 1, out _));
        var protector = new AesGcmSecretProtector(new Dictionary<byte, byte[]> { [1] = RandomNumberGenerator.GetBytes(32) }, 1);
        _codes = new HardwareTokenCodes(new InMemoryHardwareTokenStore(PskcImportBenchmarks.NullUnitOfWork.Instance), protector);
        _token = new HardwareToken
        {
            SerialNumber = "HOTP-1",
            Kind = HardwareTokenKind.Hotp,
            ProtectedSeed = _codes.ProtectSeed(_key),
            Status = HardwareTokenStatus.Assigned,
            LastUsedStep = LastUsed,
            ImportedAt = DateTimeOffset.UnixEpoch,
        };
        if (_token.Counter != LastUsed + 1 || VerifyMiss() || TokenMatchMiss())
        {
            throw new InvalidOperationException("The miss matched.");
        }
    }

    [Benchmark(Baseline = true)]
    public int TwelveRawHmacSha1() => HotpVerifyBenchmarks.RawHmacSha1(_key, LastUsed, LastUsed + 1 + LookAhead);

    /// <summary>The verifier call the stored path makes: look-ahead 10 from the next counter, with replay detection.</summary>
    [Benchmark]
    public bool VerifyMiss() => HotpVerifier.Match(_key, _miss, OtpHashAlgorithm.Sha1, 6, LastUsed + 1, LookAhead, detectReplay: true, out _, out _);

    /// <summary>The stored path's match (no store write): seed unprotected, matched, zeroed.</summary>
    [Benchmark]
    public bool TokenMatchMiss() => _codes.Match(_token, _miss, DateTimeOffset.UnixEpoch, LookAhead, out _, out _) != TokenCodeMatch.None;
}
