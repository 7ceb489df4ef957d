using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace BizWeb.Tokens.Conformance;

/// <summary>RFC 4226 codes written out here from the RFC (HMAC-SHA-1, dynamic truncation), not with the SDK's code, for the suites' tokens.</summary>
internal static class OathCode
{
    /// <summary>The code of <paramref name="movingFactor"/> (an HOTP counter, or a TOTP time step).</summary>
    public static string Of(byte[] seed, long movingFactor, int digits = 6)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, movingFactor);
#pragma warning disable CA5350 // RFC 4226/6238's default HMAC-SHA-1, as the tokens use it.
        var mac = HMACSHA1.HashData(seed, message);
#pragma warning restore CA5350
        var at = mac[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(mac.AsSpan(at)) & 0x7fffffff) % (int)Math.Pow(10, digits);
        return value.ToString(new string('0', digits), CultureInfo.InvariantCulture);
    }
}
