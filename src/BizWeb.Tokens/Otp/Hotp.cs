using System.Buffers.Binary;
using System.Security.Cryptography;

namespace BizWeb.Tokens;

/// <summary>
/// HOTP (RFC 4226) over any HMAC and any message, allocation-free: the message and the MAC live on
/// the stack and the HMAC is the one-shot span API.
/// </summary>
internal static class Hotp
{
    public const int MinDigits = 6;
    public const int MaxDigits = 8;
    private const int MaxMacLength = 64;

    private static ReadOnlySpan<int> PowersOfTen => [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    /// <summary>The code for a moving factor (counter or time step), as a number below 10^digits.</summary>
    public static int Compute(ReadOnlySpan<byte> key, long movingFactor, OtpHashAlgorithm algorithm, int digits)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, movingFactor);
        return Truncate(key, message, algorithm, digits);
    }

    /// <summary>HMAC the message, then RFC 4226 §5.3 dynamic truncation to <paramref name="digits"/> digits.</summary>
    public static int Truncate(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, OtpHashAlgorithm algorithm, int digits)
    {
        Span<byte> mac = stackalloc byte[MaxMacLength];
        var length = algorithm switch
        {
#pragma warning disable CA5350 // RFC 4226/6238/6287 specify HMAC-SHA-1; its PRF security is not affected by SHA-1 collisions.
            OtpHashAlgorithm.Sha1 => HMACSHA1.HashData(key, message, mac),
#pragma warning restore CA5350
            OtpHashAlgorithm.Sha256 => HMACSHA256.HashData(key, message, mac),
            OtpHashAlgorithm.Sha512 => HMACSHA512.HashData(key, message, mac),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a supported OTP hash."),
        };
        var code = DynamicTruncation(mac[..length], digits);
        CryptographicOperations.ZeroMemory(mac);
        return code;
    }

    /// <summary>RFC 4226 §5.3 dynamic truncation of an HMAC output to <paramref name="digits"/> digits.</summary>
    public static int DynamicTruncation(ReadOnlySpan<byte> mac, int digits)
    {
        var offset = mac[^1] & 0x0F;
        var binary = ((mac[offset] & 0x7F) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
        return binary % PowersOfTen[digits];
    }

    /// <summary>
    /// Copies a typed code into <paramref name="typed"/> as ASCII bytes; whether it is exactly
    /// <paramref name="digits"/> half-width digits. Branch-free over the characters, so a well-formed and a
    /// malformed code of the right length cost the same.
    /// </summary>
    public static bool TryReadCode(ReadOnlySpan<char> code, int digits, Span<byte> typed)
    {
        if (code.Length != digits)
        {
            return false;
        }

        var wellFormed = true;
        for (var i = 0; i < digits; i++)
        {
            wellFormed &= char.IsAsciiDigit(code[i]);
            typed[i] = (byte)code[i];
        }

        return wellFormed;
    }

    /// <summary>The name of the HMAC's hash, for <see cref="IncrementalHash.CreateHMAC(HashAlgorithmName, ReadOnlySpan{byte})"/>.</summary>
    public static HashAlgorithmName HashName(OtpHashAlgorithm algorithm) => algorithm switch
    {
        OtpHashAlgorithm.Sha1 => HashAlgorithmName.SHA1,
        OtpHashAlgorithm.Sha256 => HashAlgorithmName.SHA256,
        OtpHashAlgorithm.Sha512 => HashAlgorithmName.SHA512,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a supported OTP hash."),
    };

    /// <summary>Writes <paramref name="code"/> as exactly <paramref name="digits"/> ASCII digits, zero-padded.</summary>
    public static void Format(int code, int digits, Span<byte> destination)
    {
        for (var i = digits - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (code % 10));
            code /= 10;
        }
    }

    /// <summary>The code as text, for tests, provisioning and the bank's tooling (never logged).</summary>
    public static string FormatString(int code, int digits)
    {
        Span<byte> ascii = stackalloc byte[MaxDigits];
        Format(code, digits, ascii);
        return System.Text.Encoding.ASCII.GetString(ascii[..digits]);
    }

    /// <summary>The length of the HMAC output, which is also the RFC 4226/6238 key length for the hash.</summary>
    public static int MacLength(OtpHashAlgorithm algorithm) => algorithm switch
    {
        OtpHashAlgorithm.Sha1 => 20,
        OtpHashAlgorithm.Sha256 => 32,
        OtpHashAlgorithm.Sha512 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a supported OTP hash."),
    };

    /// <summary>Whether the code of counter <paramref name="c"/> is <paramref name="typed"/>, in constant time; <paramref name="candidate"/> is zeroed after.</summary>
    public static bool Matches(IncrementalHash hmac, long c, int digits, ReadOnlySpan<byte> typed, Span<byte> candidate)
    {
        Span<byte> message = stackalloc byte[8];
        Span<byte> mac = stackalloc byte[64];
        BinaryPrimitives.WriteInt64BigEndian(message, c);
        hmac.AppendData(message);
        var length = hmac.GetHashAndReset(mac);
        Format(DynamicTruncation(mac[..length], digits), digits, candidate);
        CryptographicOperations.ZeroMemory(mac);
        var equal = CryptographicOperations.FixedTimeEquals(candidate[..digits], typed[..digits]);
        CryptographicOperations.ZeroMemory(candidate);
        return equal;
    }
}
