using System.Security.Cryptography;

namespace BizWeb.Auth;

/// <summary>Makes security stamps and flow handles: 128 bits from the CSPRNG, URL-safe text.</summary>
internal static class SecurityStamps
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public static string NewHandle() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The SHA-256 of a handle, as stores keep it (a leaked table gives no usable handle).</summary>
    public static string HashHandle(string handle) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(handle)));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
