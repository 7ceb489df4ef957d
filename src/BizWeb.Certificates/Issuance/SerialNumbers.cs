using System.Security.Cryptography;

namespace BizWeb.Certificates;

/// <summary>Certificate serial numbers: 16 bytes from the CSPRNG, positive, always 16 bytes long in DER.</summary>
internal static class SerialNumbers
{
    public const int Length = 16;

    public static byte[] New()
    {
        var bytes = RandomNumberGenerator.GetBytes(Length);
        bytes[0] = (byte)((bytes[0] & 0x7F) | 0x40); // positive, and no leading zero byte: 126 random bits
        return bytes;
    }

    /// <summary>The store's key: upper-case hex of the unsigned big-endian value.</summary>
    public static string ToText(ReadOnlySpan<byte> serial) => Convert.ToHexString(serial);
}
