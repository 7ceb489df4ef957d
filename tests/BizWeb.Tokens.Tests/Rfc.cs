namespace BizWeb.Tokens.Tests;

/// <summary>Keys of the RFC test vectors.</summary>
internal static class Rfc
{
    /// <summary>"12345678901234567890": RFC 4226 Appendix D and RFC 6238 Appendix B (SHA-1).</summary>
    public static readonly byte[] Key20 = Convert.FromHexString("3132333435363738393031323334353637383930");

    /// <summary>RFC 6238 Appendix B (SHA-256) and RFC 6287 Appendix C (32-byte key).</summary>
    public static readonly byte[] Key32 = Convert.FromHexString("3132333435363738393031323334353637383930313233343536373839303132");

    /// <summary>RFC 6238 Appendix B (SHA-512) and RFC 6287 Appendix C (64-byte key).</summary>
    public static readonly byte[] Key64 = Convert.FromHexString(
        "31323334353637383930313233343536373839303132333435363738393031323334353637383930313233343536373839303132333435363738393031323334");

    public static byte[] KeyFor(OtpHashAlgorithm algorithm) => algorithm switch
    {
        OtpHashAlgorithm.Sha1 => Key20,
        OtpHashAlgorithm.Sha256 => Key32,
        _ => Key64,
    };
}
