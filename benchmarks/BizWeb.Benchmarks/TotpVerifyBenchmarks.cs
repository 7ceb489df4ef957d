using System.Buffers.Binary;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BizWeb.Auth;
using BizWeb.Tokens;

namespace BizWeb.Benchmarks;

/// <summary>
/// TOTP verification with a ±1 step window (3 steps) against its floor, three raw one-shot
/// HMAC-SHA1 calls, and against Otp.NET's <c>Totp.VerifyTotp</c> with the same window.
/// Targets (issue 5): a miss ≤ 1.1× the baseline with 0 B allocated; ≥ 3× faster than Otp.NET.
/// A hit costs the same as a miss: every step of the window is computed and compared.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("quick", "tokens")]
public class TotpVerifyBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 10, TimeSpan.Zero);
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(20);
    private readonly long _step = Now.ToUnixTimeSeconds() / 30;
    private string _hit = string.Empty;
    private string _miss = string.Empty;
    private OtpNet.Totp _otpNet = null!;

    [GlobalSetup]
    public void Setup()
    {
        _hit = Hotp.FormatString(Hotp.Compute(_key, _step + 1, OtpHashAlgorithm.Sha1, 6), 6);
        _miss = Enumerable.Range(0, 1_000_000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .First(c => !Totp_TryMatch(c));
        _otpNet = new OtpNet.Totp(_key);
    }

    [Benchmark(Baseline = true)]
    public int ThreeRawHmacSha1()
    {
        Span<byte> message = stackalloc byte[8];
        Span<byte> mac = stackalloc byte[20];
        var sum = 0;
        for (var step = _step - 1; step <= _step + 1; step++)
        {
            BinaryPrimitives.WriteInt64BigEndian(message, step);
#pragma warning disable CA5350 // RFC 6238's default hash; this is the baseline of the TOTP benchmark.
            HMACSHA1.HashData(_key, message, mac);
#pragma warning restore CA5350
            sum += mac[19];
        }

        return sum;
    }

    [Benchmark]
    public bool VerifyHit() => Totp_TryMatch(_hit);

    [Benchmark]
    public bool VerifyMiss() => Totp_TryMatch(_miss);

    [Benchmark]
    public bool OtpNetVerifyHit() => _otpNet.VerifyTotp(Now.UtcDateTime, _hit, out _, OtpNet.VerificationWindow.RfcSpecifiedNetworkDelay);

    [Benchmark]
    public bool OtpNetVerifyMiss() => _otpNet.VerifyTotp(Now.UtcDateTime, _miss, out _, OtpNet.VerificationWindow.RfcSpecifiedNetworkDelay);

    private bool Totp_TryMatch(string code) =>
        BizWeb.Tokens.TotpVerifier.TryMatch(_key, code, OtpHashAlgorithm.Sha1, 6, _step, 1, long.MinValue, out _);
}

/// <summary>
/// The customer card answer check for a 3-cell challenge as <c>CustomerCardVerifier</c> does it
/// (issue 10: ≤ 1.2× the baseline, 0 B beyond the decrypt buffer): decrypt the card's values with
/// the <see cref="AesGcmSecretProtector"/>, compare the asked cells in constant time over stack
/// buffers, zero the values. Baseline: one raw AES-256-GCM decrypt of the same ciphertext (a new
/// <see cref="AesGcm"/> per call, as the protector makes one) into a stack buffer and one
/// <see cref="CryptographicOperations.FixedTimeEquals"/> of the 6 answer digits. Also the compare alone.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("quick", "tokens")]
public class CustomerCardVerifyBenchmarks
{
    private readonly byte[] _values = "1234567890123456"u8.ToArray();
    private readonly CustomerCardPosition[] _asked = [CustomerCardPosition.Ku, CustomerCardPosition.A, CustomerCardPosition.E];
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _answerBytes = "561278"u8.ToArray();
    private AesGcmSecretProtector _protector = null!;
    private byte[] _protected = [];
    private byte[] _associatedData = [];

    [GlobalSetup]
    public void Setup()
    {
        _protector = new AesGcmSecretProtector(new Dictionary<byte, byte[]> { [1] = _key }, 1);
        _protected = _protector.Protect(_values, CustomerCardValues.ProtectionPurpose);
        var purpose = System.Text.Encoding.UTF8.GetBytes(CustomerCardValues.ProtectionPurpose);
        _associatedData = new byte[2 + 4 + purpose.Length];
        _associatedData[0] = _protected[0];
        _associatedData[1] = _protected[1];
        BinaryPrimitives.WriteInt32BigEndian(_associatedData.AsSpan(2), purpose.Length);
        purpose.CopyTo(_associatedData.AsSpan(6));
        if (!RawDecryptAndCompare() || !VerifyRight() || VerifyWrong())
        {
            throw new InvalidOperationException("The card check does not work as set up.");
        }
    }

    [Benchmark(Baseline = true)]
    public bool RawDecryptAndCompare()
    {
        Span<byte> values = stackalloc byte[CustomerCardValues.Length];
        using (var aes = new AesGcm(_key, 16))
        {
            aes.Decrypt(_protected.AsSpan(2, 12), _protected.AsSpan(2 + 12 + 16), _protected.AsSpan(2 + 12, 16), values, _associatedData);
        }

        // Cells Ku, A, E are positions 7, 0, 3 of "1234567890123456": "56", "12", "78" (the baseline compares the digits only).
        Span<byte> expected = [values[14], values[15], values[0], values[1], values[6], values[7]];
        var matches = CryptographicOperations.FixedTimeEquals(expected, _answerBytes);
        CryptographicOperations.ZeroMemory(values);
        return matches;
    }

    [Benchmark]
    public bool VerifyRight() => Verify("561278");

    [Benchmark]
    public bool VerifyWrong() => Verify("561279");

    [Benchmark]
    public bool CompareOnly() => CustomerCardValues.Matches(_values, _asked, "561278");

    private bool Verify(string answer)
    {
        var values = _protector.Unprotect(_protected, CustomerCardValues.ProtectionPurpose);
        try
        {
            return CustomerCardValues.Matches(values, _asked, answer);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(values);
        }
    }
}
