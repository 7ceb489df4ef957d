namespace BizWeb.Tokens;

/// <summary>The HMAC hash of a one-time password algorithm (RFC 4226, RFC 6238, RFC 6287).</summary>
public enum OtpHashAlgorithm
{
    /// <summary>HMAC-SHA-1, the RFC 4226 default; 20-byte seeds.</summary>
    Sha1 = 0,

    /// <summary>HMAC-SHA-256; 32-byte seeds.</summary>
    Sha256 = 1,

    /// <summary>HMAC-SHA-512; 64-byte seeds.</summary>
    Sha512 = 2,
}
