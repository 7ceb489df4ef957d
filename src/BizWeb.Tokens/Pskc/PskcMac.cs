using System.Security.Cryptography;
using BizWeb.Auth;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace BizWeb.Tokens;

/// <summary>
/// The container's MAC (RFC 6030 §6.1.1 MACMethod, RFC 6931 HMAC-SHA1/224/256/384/512): checked over the
/// CipherValue in constant time before the value is decrypted. The key is zeroed by <see cref="Clear"/>.
/// </summary>
internal sealed class PskcMac
{
    private readonly byte[] _key;

    private PskcMac(string algorithm, byte[] key)
    {
        Algorithm = algorithm;
        _key = key;
    }

    public string Algorithm { get; }

    /// <summary>Whether <paramref name="algorithm"/> is an HMAC this reader computes (checked before the MAC key is decrypted).</summary>
    public static bool IsSupported(string? algorithm) =>
        algorithm is PskcAlgorithms.HmacSha1 or PskcAlgorithms.HmacSha224 or PskcAlgorithms.HmacSha256 or PskcAlgorithms.HmacSha384 or PskcAlgorithms.HmacSha512;

    public static PskcMac Create(string algorithm, byte[] key) =>
        IsSupported(algorithm)
            ? new PskcMac(algorithm, key)
            : throw new PskcException(MessageCode.PskcAlgorithmUnsupported, $"unsupported: MAC method {PskcAlgorithms.ShortName(algorithm)}.");

    /// <summary>Throws <see cref="MessageCode.PskcMacInvalid"/> unless <paramref name="expected"/> is the MAC of <paramref name="data"/>.</summary>
    public void Verify(byte[] data, byte[] expected, string what)
    {
        var mac = Compute(Algorithm, _key, data);
        if (!CryptographicOperations.FixedTimeEquals(mac, expected))
        {
            throw new PskcException(MessageCode.PskcMacInvalid, $"The {what} ValueMAC does not match: the file was altered, or the key or password is wrong.");
        }
    }

    /// <summary>The HMAC of <paramref name="data"/> under <paramref name="key"/>.</summary>
    public static byte[] Compute(string algorithm, byte[] key, byte[] data)
    {
        if (HashName(algorithm) is { } name)
        {
            return CryptographicOperations.HmacData(name, key, data);
        }

        // HMAC-SHA224, which .NET does not offer: BouncyCastle computes it.
        var hmac = new HMac(new Sha224Digest());
        hmac.Init(new KeyParameter(key));
        hmac.BlockUpdate(data, 0, data.Length);
        var output = new byte[hmac.GetMacSize()];
        hmac.DoFinal(output, 0);
        return output;
    }

    /// <summary>The .NET hash of an HMAC algorithm URI; <see langword="null"/> for HMAC-SHA224 (and anything unsupported).</summary>
    public static HashAlgorithmName? HashName(string? algorithm) => algorithm switch
    {
        PskcAlgorithms.HmacSha1 => HashAlgorithmName.SHA1,
        PskcAlgorithms.HmacSha256 => HashAlgorithmName.SHA256,
        PskcAlgorithms.HmacSha384 => HashAlgorithmName.SHA384,
        PskcAlgorithms.HmacSha512 => HashAlgorithmName.SHA512,
        _ => null,
    };

    public void Clear() => CryptographicOperations.ZeroMemory(_key);
}
