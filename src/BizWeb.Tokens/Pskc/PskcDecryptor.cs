using System.Security.Cryptography;
using System.Xml.Linq;
using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// The container key of RFC 6030 §6, from the file's EncryptionKey and the key the bank gave: a pre-shared
/// key (ds:KeyName), a PBKDF2-derived key (xenc11:DerivedKey), or the bank's RSA private key (ds:X509Data).
/// A key of the wrong kind is refused with a message naming the kind the file needs. Keys are zeroed by
/// <see cref="Clear"/>.
/// </summary>
internal sealed class PskcDecryptor
{
    private readonly byte[]? _preSharedKey;
    private readonly PskcKeyDerivation? _derivation;
    private readonly Dictionary<int, byte[]> _derived = [];
    private readonly RSA? _rsa;

    private PskcDecryptor(byte[]? preSharedKey, PskcKeyDerivation? derivation, RSA? rsa)
    {
        _preSharedKey = preSharedKey;
        _derivation = derivation;
        _rsa = rsa;
    }

    public bool IsAsymmetric => _rsa is not null;

    /// <summary>Matches the file's EncryptionKey with the key given, before any decryption.</summary>
    public static PskcDecryptor Create(XElement encryptionKey, PskcDecryptionKey key)
    {
        if (PskcKeyDerivation.IsDerivedKey(encryptionKey))
        {
            if (key.PasswordText is null)
            {
                throw new PskcException(MessageCode.PskcPasswordRequired, $"The file's key is derived from a password (PBKDF2), but a {key} key was given; give PskcDecryptionKey.Password.");
            }

            return new PskcDecryptor(null, PskcKeyDerivation.Read(encryptionKey, key.PasswordText), null);
        }

        var x509 = encryptionKey.Element(XName.Get("X509Data", PskcAlgorithms.XmlDsig));
        if (x509 is not null)
        {
            if (key.PrivateKeyValue is null)
            {
                throw new PskcException(MessageCode.PskcPrivateKeyRequired, $"The file is encrypted to a certificate (ds:X509Data), but a {key} key was given; give the certificate's private key (PskcDecryptionKey.PrivateKey or .Certificate).");
            }

            CheckCertificate(x509, key);
            return new PskcDecryptor(null, null, key.PrivateKeyValue);
        }

        if (encryptionKey.Element(XName.Get("KeyValue", PskcAlgorithms.XmlDsig)) is not null)
        {
            if (key.PrivateKeyValue is null)
            {
                throw new PskcException(MessageCode.PskcPrivateKeyRequired, $"The file is encrypted to a public key (ds:KeyValue), but a {key} key was given; give the private key (PskcDecryptionKey.PrivateKey).");
            }

            return new PskcDecryptor(null, null, key.PrivateKeyValue);
        }

        if (key.PreSharedKeyBytes is null)
        {
            var detail = key.PasswordText is not null || key.PrivateKeyValue is not null
                ? $"The file is encrypted with a pre-shared key (ds:KeyName), but a {key} key was given; give PskcDecryptionKey.PreSharedKey."
                : "The file is encrypted with a pre-shared key (ds:KeyName); give PskcDecryptionKey.PreSharedKey.";
            throw new PskcException(MessageCode.PskcKeyRequired, detail);
        }

        return new PskcDecryptor(key.PreSharedKeyBytes.ToArray(), null, null);
    }

    /// <summary>The cipher of an EncryptedValue or MACKey, checked against the kind of key (no decryption yet).</summary>
    public PskcEncryptedValue Read(XElement encrypted, string what)
    {
        var method = encrypted.Element(XName.Get("EncryptionMethod", PskcAlgorithms.XmlEnc));
        var algorithm = method?.Attribute("Algorithm")?.Value;
        if (algorithm == PskcAlgorithms.XmlEnc + "rsa_1_5")
        {
            // RFC 6030 Figure 8 spells rsa-1_5 so.
            algorithm = PskcAlgorithms.Rsa15;
        }

        var value = PskcText.Base64(encrypted.Element(XName.Get("CipherData", PskcAlgorithms.XmlEnc))?.Element(XName.Get("CipherValue", PskcAlgorithms.XmlEnc))?.Value, $"{what} CipherValue");
        if (_rsa is not null)
        {
            if (algorithm is not (PskcAlgorithms.RsaOaepMgf1p or PskcAlgorithms.Rsa15))
            {
                throw new PskcException(MessageCode.PskcAlgorithmUnsupported, $"unsupported: {PskcAlgorithms.ShortName(algorithm)} for a file encrypted to a certificate (rsa-oaep-mgf1p or rsa-1_5).");
            }

            var digestMethod = method!.Element(XName.Get("DigestMethod", PskcAlgorithms.XmlDsig))?.Attribute("Algorithm")?.Value;
            if (algorithm == PskcAlgorithms.RsaOaepMgf1p && ((digestMethod is not null && digestMethod != PskcAlgorithms.Sha1Digest) || method.Element(XName.Get("OAEPparams", PskcAlgorithms.XmlEnc)) is not null))
            {
                throw new PskcException(MessageCode.PskcAlgorithmUnsupported, $"unsupported: rsa-oaep-mgf1p with digest {PskcAlgorithms.ShortName(digestMethod)} or OAEPparams (SHA-1, no parameters).");
            }

            if (value.Length != _rsa.KeySize / 8)
            {
                throw new PskcException(MessageCode.PskcKeyPackageInvalid, $"The {what} CipherValue is {value.Length} bytes; the {_rsa.KeySize}-bit private key decrypts {_rsa.KeySize / 8}.");
            }

            return new PskcEncryptedValue(algorithm, null, value);
        }

        var cipher = PskcCipher.Find(algorithm);
        if (cipher is null)
        {
            throw new PskcException(
                algorithm is PskcAlgorithms.RsaOaepMgf1p or PskcAlgorithms.Rsa15 ? MessageCode.PskcPrivateKeyRequired : MessageCode.PskcAlgorithmUnsupported,
                algorithm is PskcAlgorithms.RsaOaepMgf1p or PskcAlgorithms.Rsa15
                    ? $"The {what} is encrypted with {PskcAlgorithms.ShortName(algorithm)} to a certificate; give the certificate's private key."
                    : $"unsupported: encryption method {PskcAlgorithms.ShortName(algorithm)}.");
        }

        if (_preSharedKey is not null && _preSharedKey.Length != cipher.KeyLength)
        {
            throw new PskcException(MessageCode.PskcKeyRequired, $"The {what} is encrypted with {PskcAlgorithms.ShortName(algorithm)}, which takes a {cipher.KeyLength * 8}-bit key; the pre-shared key given is {_preSharedKey.Length * 8}-bit.");
        }

        if (_derivation?.KeyLength is { } derivedLength && derivedLength != cipher.KeyLength)
        {
            throw new PskcException(MessageCode.PskcKeyPackageInvalid, $"The {what} is encrypted with {PskcAlgorithms.ShortName(algorithm)}, which takes a {cipher.KeyLength * 8}-bit key; the file's PBKDF2 KeyLength is {derivedLength * 8}-bit.");
        }

        cipher.CheckShape(value);
        return new PskcEncryptedValue(algorithm!, cipher, value);
    }

    /// <summary>Decrypts a value read by <see cref="Read"/> (its MAC checked already, when it has one).</summary>
    public byte[] Decrypt(PskcEncryptedValue value, string what)
    {
        if (value.Cipher is { } cipher)
        {
            return cipher.Decrypt(SymmetricKey(cipher.KeyLength), value.CipherValue, what);
        }

        try
        {
            return _rsa!.Decrypt(value.CipherValue, value.Algorithm == PskcAlgorithms.RsaOaepMgf1p ? RSAEncryptionPadding.OaepSHA1 : RSAEncryptionPadding.Pkcs1);
        }
        catch (CryptographicException e)
        {
            throw new PskcException(MessageCode.PskcMacInvalid, $"The {what} does not decrypt with {PskcAlgorithms.ShortName(value.Algorithm)}: the private key is not the one the file is encrypted to, or the file was altered.", inner: e);
        }
    }

    public void Clear()
    {
        if (_preSharedKey is not null)
        {
            CryptographicOperations.ZeroMemory(_preSharedKey);
        }

        foreach (var key in _derived.Values)
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static void CheckCertificate(XElement x509, PskcDecryptionKey key)
    {
        if (key.CertificateValue is not { } given || x509.Element(XName.Get("X509Certificate", PskcAlgorithms.XmlDsig)) is not { } named)
        {
            return;
        }

        var raw = PskcText.Base64(named.Value, "ds:X509Certificate");
        if (!CryptographicOperations.FixedTimeEquals(raw, given.RawData))
        {
            throw new PskcException(MessageCode.PskcPrivateKeyRequired, $"The file is encrypted to another certificate than the one given ({given.Subject}); give that certificate's private key.");
        }
    }

    private byte[] SymmetricKey(int length)
    {
        if (_preSharedKey is not null)
        {
            return _preSharedKey;
        }

        if (!_derived.TryGetValue(length, out var key))
        {
            key = _derivation!.Derive(length);
            _derived[length] = key;
        }

        return key;
    }
}
