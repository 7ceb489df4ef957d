using System.Buffers.Binary;
using System.Security.Cryptography;
using OtpNet;

namespace BizWeb.SampleHost.Operations;

/// <summary>
/// The operators' second factor: RFC 6238 TOTP (HMAC-SHA-1, 6 digits, 30 s — what every authenticator
/// app and <c>oathtool --totp</c> understand). BizWeb.Tokens keeps its own TOTP matcher internal, so
/// this is the same algorithm written out here: every step of the ±1 window is computed and compared
/// in constant time (no early exit), and the caller records the matched step so it is accepted once.
/// The <c>otpauth://</c> URI is made with Otp.NET, as the SDK makes its software tokens' URIs.
/// </summary>
internal static class OperatorTotp
{
    public const string SeedPurpose = "BizWeb.SampleHost.OperatorTotp";
    public const int Digits = 6;
    public const int PeriodSeconds = 30;
    public const int Window = 1;
    private const int SeedLength = 20;
    private const string Issuer = "BizWeb operations";

    public static byte[] NewSeed() => RandomNumberGenerator.GetBytes(SeedLength);

    public static string ProvisioningUri(byte[] seed, string operatorId) =>
        new OtpUri(OtpType.Totp, seed, operatorId, Issuer, OtpHashMode.Sha1, Digits, PeriodSeconds).ToString();

    /// <summary>The time step of <paramref name="now"/> (Unix time / 30 s).</summary>
    public static long StepAt(DateTimeOffset now) => now.ToUnixTimeSeconds() / PeriodSeconds;

    /// <summary>Whether <paramref name="code"/> is the code of a step within the window around <paramref name="current"/>.</summary>
    public static bool TryMatch(ReadOnlySpan<byte> seed, string? code, long current, out long matchedStep)
    {
        matchedStep = 0;
        Span<byte> typed = stackalloc byte[Digits];
        var wellFormed = code is { Length: Digits };
        for (var i = 0; i < Digits; i++)
        {
            var c = wellFormed ? code![i] : '0';
            wellFormed &= char.IsAsciiDigit(c);
            typed[i] = (byte)c;
        }

        Span<byte> candidate = stackalloc byte[Digits];
        var found = false;
        for (var step = current - Window; step <= current + Window; step++)
        {
            Format(Compute(seed, step), candidate);
            var equal = CryptographicOperations.FixedTimeEquals(candidate, typed);
            if (equal & !found)
            {
                found = true;
                matchedStep = step;
            }
        }

        CryptographicOperations.ZeroMemory(candidate);
        CryptographicOperations.ZeroMemory(typed);
        return found & wellFormed;
    }

    private static int Compute(ReadOnlySpan<byte> seed, long step)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, step);
        Span<byte> mac = stackalloc byte[HMACSHA1.HashSizeInBytes];
#pragma warning disable CA5350 // RFC 6238 specifies HMAC-SHA-1; its PRF security is not affected by SHA-1 collisions.
        HMACSHA1.HashData(seed, message, mac);
#pragma warning restore CA5350
        var offset = mac[^1] & 0x0F;
        var binary = ((mac[offset] & 0x7F) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
        CryptographicOperations.ZeroMemory(mac);
        return binary % 1_000_000;
    }

    private static void Format(int code, Span<byte> destination)
    {
        for (var i = Digits - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (code % 10));
            code /= 10;
        }
    }
}
