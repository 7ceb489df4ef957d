using System.Security.Cryptography;
using BizWeb.Auth;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace BizWeb.Tokens;

/// <summary>
/// The symmetric encryption methods of RFC 6030 §6.1: AES-128/192/256-CBC, 3DES-CBC, Camellia-128/192/256-CBC
/// (IV followed by the ciphertext, XML Encryption padding) and AES key wrap (RFC 3394, and RFC 5649 with padding).
/// </summary>
internal sealed record PskcCipher(string Algorithm, PskcCipherMode Mode, int KeyLength, int BlockSize)
{
    private static readonly PskcCipher[] All =
    [
        new(PskcAlgorithms.Aes128Cbc, PskcCipherMode.AesCbc, 16, 16),
        new(PskcAlgorithms.Aes192Cbc, PskcCipherMode.AesCbc, 24, 16),
        new(PskcAlgorithms.Aes256Cbc, PskcCipherMode.AesCbc, 32, 16),
        new(PskcAlgorithms.TripleDesCbc, PskcCipherMode.TripleDesCbc, 24, 8),
        new(PskcAlgorithms.Camellia128Cbc, PskcCipherMode.CamelliaCbc, 16, 16),
        new(PskcAlgorithms.Camellia192Cbc, PskcCipherMode.CamelliaCbc, 24, 16),
        new(PskcAlgorithms.Camellia256Cbc, PskcCipherMode.CamelliaCbc, 32, 16),
        new(PskcAlgorithms.KwAes128, PskcCipherMode.KeyWrap, 16, 8),
        new(PskcAlgorithms.KwAes192, PskcCipherMode.KeyWrap, 24, 8),
        new(PskcAlgorithms.KwAes256, PskcCipherMode.KeyWrap, 32, 8),
        new(PskcAlgorithms.KwAes128Pad, PskcCipherMode.KeyWrapPad, 16, 8),
        new(PskcAlgorithms.KwAes192Pad, PskcCipherMode.KeyWrapPad, 24, 8),
        new(PskcAlgorithms.KwAes256Pad, PskcCipherMode.KeyWrapPad, 32, 8),

        // Spelling without the dash, as some writers (python-pskc among them) use it.
        new(PskcAlgorithms.XmlEnc11 + "kw-aes128-pad", PskcCipherMode.KeyWrapPad, 16, 8),
        new(PskcAlgorithms.XmlEnc11 + "kw-aes192-pad", PskcCipherMode.KeyWrapPad, 24, 8),
        new(PskcAlgorithms.XmlEnc11 + "kw-aes256-pad", PskcCipherMode.KeyWrapPad, 32, 8),
    ];

    /// <summary>Key wrap carries its own integrity check, so it needs no MAC (RFC 6030 §6.1).</summary>
    public bool IsKeyWrap => Mode is PskcCipherMode.KeyWrap or PskcCipherMode.KeyWrapPad;

    public static PskcCipher? Find(string? algorithm) => All.FirstOrDefault(c => c.Algorithm == algorithm);

    /// <summary>Checks the ciphertext's length before any MAC or decryption.</summary>
    public void CheckShape(byte[] cipherValue)
    {
        var valid = IsKeyWrap
            ? cipherValue.Length >= 16 && cipherValue.Length % 8 == 0
            : cipherValue.Length >= 2 * BlockSize && cipherValue.Length % BlockSize == 0;
        if (!valid)
        {
            throw new PskcException(MessageCode.PskcKeyPackageInvalid, IsKeyWrap
                ? $"The CipherValue is not a {PskcAlgorithms.ShortName(Algorithm)} output (whole 8-byte blocks, at least 16 bytes)."
                : $"The CipherValue is not an IV followed by whole {BlockSize}-byte blocks.");
        }
    }

    /// <summary>Decrypts <paramref name="cipherValue"/> (its MAC, when it has one, checked already).</summary>
    public byte[] Decrypt(byte[] key, byte[] cipherValue, string what)
    {
        if (key.Length != KeyLength)
        {
            throw new PskcException(MessageCode.PskcKeyRequired, $"The {what} is encrypted with {PskcAlgorithms.ShortName(Algorithm)}, which takes a {KeyLength * 8}-bit key; the key is {key.Length * 8}-bit.");
        }

        try
        {
            return Mode switch
            {
                PskcCipherMode.AesCbc => Unpad(AesCbc(key, cipherValue), what),
                PskcCipherMode.TripleDesCbc => Unpad(TripleDesCbc(key, cipherValue), what),
                PskcCipherMode.CamelliaCbc => Unpad(CamelliaCbc(key, cipherValue), what),
                _ => Unwrap(key, cipherValue),
            };
        }
        catch (Exception e) when (e is CryptographicException or CryptoException or ArgumentException)
        {
            throw new PskcException(MessageCode.PskcMacInvalid, $"The {what} does not decrypt with {PskcAlgorithms.ShortName(Algorithm)}: the key or password is wrong, or the file was altered.", inner: e);
        }
    }

    private static byte[] AesCbc(byte[] key, byte[] value)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        return aes.DecryptCbc(value.AsSpan(16), value.AsSpan(0, 16), PaddingMode.None);
    }

    private static byte[] TripleDesCbc(byte[] key, byte[] value)
    {
#pragma warning disable CA5350 // RFC 6030 §6.1 lists tripledes-cbc; vendors still ship it, and the MAC is checked before.
        using var des = TripleDES.Create();
#pragma warning restore CA5350
        des.Key = key;
        return des.DecryptCbc(value.AsSpan(8), value.AsSpan(0, 8), PaddingMode.None);
    }

    private static byte[] CamelliaCbc(byte[] key, byte[] value)
    {
        var cipher = new CbcBlockCipher(new CamelliaEngine());
        cipher.Init(false, new ParametersWithIV(new KeyParameter(key), value, 0, 16));
        var output = new byte[value.Length - 16];
        for (var offset = 0; offset < output.Length; offset += 16)
        {
            cipher.ProcessBlock(value, 16 + offset, output, offset);
        }

        return output;
    }

    private byte[] Unwrap(byte[] key, byte[] value)
    {
        IWrapper wrapper = Mode == PskcCipherMode.KeyWrap ? new AesWrapEngine() : new AesWrapPadEngine();
        wrapper.Init(false, new KeyParameter(key));
        return wrapper.Unwrap(value, 0, value.Length);
    }

    /// <summary>XML Encryption padding: the last byte says how many bytes to drop (1 to a block); the others may be anything.</summary>
    private byte[] Unpad(byte[] padded, string what)
    {
        var count = padded.Length == 0 ? 0 : padded[^1];
        if (count < 1 || count > BlockSize || count > padded.Length)
        {
            CryptographicOperations.ZeroMemory(padded);
            throw new PskcException(MessageCode.PskcMacInvalid, $"The {what} does not decrypt with {PskcAlgorithms.ShortName(Algorithm)}: the key or password is wrong.");
        }

        var plain = padded[..^count];
        CryptographicOperations.ZeroMemory(padded);
        return plain;
    }
}

/// <summary>How a <see cref="PskcCipher"/> works.</summary>
internal enum PskcCipherMode
{
    AesCbc,
    TripleDesCbc,
    CamelliaCbc,
    KeyWrap,
    KeyWrapPad,
}
