using System.Buffers.Binary;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BizWeb.Tokens;

namespace BizWeb.Benchmarks;

/// <summary>
/// HOTP verification with a look-ahead of 10 (11 counters) against its floor, eleven raw one-shot
/// HMAC-SHA1 calls, and against Otp.NET's <c>Hotp.VerifyHotp</c> called for the same 11 counters.
/// Target (issue 20): ≤ 1.1× the baseline, by keying the HMAC once per verification.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("quick", "tokens")]
public class HotpVerifyBenchmarks
{
    private const int LookAhead = 10;
    private const long Counter = 1_000;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(20);
    private string _miss = string.Empty;
    private OtpNet.Hotp _otpNet = null!;

    [GlobalSetup]
    public void Setup()
    {
        _miss = Enumerable.Range(0, 1_000_000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .First(c => !HotpVerifier.TryMatch(_key, c, OtpHashAlgorithm.Sha1, 6, Counter, LookAhead, out _));
        _otpNet = new OtpNet.Hotp(_key);
    }

    [Benchmark(Baseline = true)]
    public int ElevenRawHmacSha1() => RawHmacSha1(_key, Counter, Counter + LookAhead);

    [Benchmark]
    public bool VerifyMiss() => HotpVerifier.TryMatch(_key, _miss, OtpHashAlgorithm.Sha1, 6, Counter, LookAhead, out _);

    [Benchmark]
    public bool OtpNetVerifyMiss()
    {
        var found = false;
        for (var counter = Counter; counter <= Counter + LookAhead; counter++)
        {
            found |= _otpNet.VerifyHotp(_miss, counter);
        }

        return found;
    }

    /// <summary>One one-shot HMAC-SHA1 per counter from <paramref name="first"/> to <paramref name="last"/>: the floor of an HOTP window.</summary>
    internal static int RawHmacSha1(byte[] key, long first, long last)
    {
        Span<byte> message = stackalloc byte[8];
        Span<byte> mac = stackalloc byte[20];
        var sum = 0;
        for (var counter = first; counter <= last; counter++)
        {
            BinaryPrimitives.WriteInt64BigEndian(message, counter);
#pragma warning disable CA5350 // RFC 4226's hash; this is the baseline of the HOTP benchmarks.
            HMACSHA1.HashData(key, message, mac);
#pragma warning restore CA5350
            sum += mac[19];
        }

        return sum;
    }
}
