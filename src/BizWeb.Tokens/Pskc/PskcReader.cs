using System.Globalization;
using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// Streams an RFC 6030 key container one key package at a time. The XML reader prohibits DTDs (so
/// no entity, internal or external, is ever expanded) and has no resolver. Encrypted secrets are
/// accepted only with a MAC (MACMethod + ValueMAC), and the MAC over IV and ciphertext is checked
/// in constant time before the secret is decrypted.
/// </summary>
internal static class PskcReader
{
    public const string Namespace = "urn:ietf:params:xml:ns:keyprov:pskc";
    private const string XmlDsig = "http://www.w3.org/2000/09/xmldsig#";
    private const string XmlEnc = "http://www.w3.org/2001/04/xmlenc#";
    private const string XmlEnc11 = "http://www.w3.org/2009/xmlenc11#";
    private const string Pbkdf2Algorithm = "http://www.rsasecurity.com/rsalabs/pkcs/schemas/pkcs-5v2-0#pbkdf2";
    private const int MaxPbkdf2Iterations = 10_000_000;
    private static readonly XNamespace Pskc = Namespace;
    private static readonly XNamespace Xenc = XmlEnc;
    private static readonly XNamespace Xenc11 = XmlEnc11;

    /// <summary>The most characters a file may hold: about 150,000 key packages, so a hostile file cannot exhaust memory.</summary>
    private const long MaxCharacters = 256L * 1024 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersFromEntities = 0,
        Async = true,
        CloseInput = false,
    };

    /// <summary>Reads the container and hands each key package to <paramref name="onKeyPackage"/>, in file order.</summary>
    /// <exception cref="PskcException">The file cannot be imported; nothing should be.</exception>
    public static async Task ReadAsync(Stream stream, PskcDecryptionKey key, Action<PskcKeyPackage> onKeyPackage, CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(stream, Settings);
        var keys = new ContainerKeys();
        try
        {
            await ReadContainerAsync(reader, key, keys, onKeyPackage, cancellationToken).ConfigureAwait(false);
        }
        catch (XmlException e)
        {
            // The exception's message may quote the document; report the position only.
            throw new PskcException(MessageCode.PskcMalformed, $"Not well-formed XML, or a DTD/entity (line {e.LineNumber}, position {e.LinePosition}).", inner: e);
        }
        finally
        {
            keys.Clear();
        }
    }

    private static async Task ReadContainerAsync(XmlReader reader, PskcDecryptionKey key, ContainerKeys keys, Action<PskcKeyPackage> onKeyPackage, CancellationToken cancellationToken)
    {
        await reader.MoveToContentAsync().ConfigureAwait(false);
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "KeyContainer" || reader.NamespaceURI != Namespace)
        {
            throw new PskcException(MessageCode.PskcMalformed, "The root element is not an RFC 6030 KeyContainer.");
        }

        if (reader.GetAttribute("Version") != "1.0")
        {
            throw new PskcException(MessageCode.PskcMalformed, "The KeyContainer Version is not 1.0.");
        }

        if (reader.IsEmptyElement)
        {
            return;
        }

        await reader.ReadAsync().ConfigureAwait(false);
        var number = 0;
        while (!reader.EOF && reader.NodeType != XmlNodeType.EndElement)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType != XmlNodeType.Element)
            {
                await reader.ReadAsync().ConfigureAwait(false);
                continue;
            }

            XElement element;
            using (var subtree = reader.ReadSubtree())
            {
                element = await XElement.LoadAsync(subtree, LoadOptions.None, cancellationToken).ConfigureAwait(false);
            }

            await reader.ReadAsync().ConfigureAwait(false);
            if (element.Name == Pskc + "EncryptionKey")
            {
                keys.EncryptionKey = EncryptionKeyOf(element, key);
            }
            else if (element.Name == Pskc + "MACMethod")
            {
                keys.SetMacKey(element);
            }
            else if (element.Name == Pskc + "KeyPackage")
            {
                number++;
                onKeyPackage(ReadKeyPackage(element, number, keys));
            }
        }
    }

    private static byte[] EncryptionKeyOf(XElement encryptionKey, PskcDecryptionKey key)
    {
        var derived = encryptionKey.Element(Xenc11 + "DerivedKey");
        if (derived is null)
        {
            if (key.PreSharedKeyBytes is null)
            {
                throw new PskcException(MessageCode.PskcKeyRequired, "The file is encrypted with a pre-shared key (ds:KeyName); give PskcDecryptionKey.PreSharedKey.");
            }

            return key.PreSharedKeyBytes.ToArray();
        }

        var method = derived.Element(Xenc11 + "KeyDerivationMethod");
        if (method?.Attribute("Algorithm")?.Value != Pbkdf2Algorithm)
        {
            throw new PskcException(MessageCode.PskcAlgorithmUnsupported, "The key derivation method is not PBKDF2.");
        }

        if (key.PasswordText is null)
        {
            throw new PskcException(MessageCode.PskcKeyRequired, "The file's key is derived from a password (PBKDF2); give PskcDecryptionKey.Password.");
        }

        var parameters = method.Elements().FirstOrDefault(e => e.Name.LocalName == "PBKDF2-params")
            ?? throw new PskcException(MessageCode.PskcMalformed, "PBKDF2-params are missing.");
        var salt = Base64(ChildByLocalName(ChildByLocalName(parameters, "Salt"), "Specified")?.Value, "PBKDF2 salt");
        var iterations = Integer(ChildByLocalName(parameters, "IterationCount")?.Value, "PBKDF2 IterationCount");
        var length = Integer(ChildByLocalName(parameters, "KeyLength")?.Value, "PBKDF2 KeyLength");
        if (iterations is < 1 or > MaxPbkdf2Iterations || length is not (16 or 24 or 32))
        {
            throw new PskcException(MessageCode.PskcAlgorithmUnsupported, "PBKDF2 iteration count or key length out of range.");
        }

        var prf = ChildByLocalName(parameters, "PRF")?.Attribute("Algorithm")?.Value;
        var hash = prf switch
        {
            null or "" or "http://www.w3.org/2000/09/xmldsig#hmac-sha1" => HashAlgorithmName.SHA1,
            "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256" => HashAlgorithmName.SHA256,
            "http://www.w3.org/2001/04/xmldsig-more#hmac-sha512" => HashAlgorithmName.SHA512,
            _ => throw new PskcException(MessageCode.PskcAlgorithmUnsupported, "The PBKDF2 PRF is not supported."),
        };
        return Rfc2898DeriveBytes.Pbkdf2(key.PasswordText, salt, iterations, hash, length);
    }

    private static PskcKeyPackage ReadKeyPackage(XElement package, int number, ContainerKeys keys)
    {
        var key = package.Element(Pskc + "Key");
        var serial = package.Element(Pskc + "DeviceInfo")?.Element(Pskc + "SerialNo")?.Value.Trim();
        var keyId = key?.Attribute("Id")?.Value;
        var name = !string.IsNullOrEmpty(serial) ? serial : keyId;
        if (key is null || string.IsNullOrEmpty(name))
        {
            throw new PskcException(MessageCode.PskcKeyPackageInvalid, "The key package has no Key, or neither a SerialNo nor a key Id.", number, name);
        }

        if (name.Length > 64 || name.Any(c => char.IsControl(c)))
        {
            throw new PskcException(MessageCode.PskcKeyPackageInvalid, "The serial number is longer than 64 characters or holds control characters.", number, null);
        }

        var algorithm = key.Attribute("Algorithm")?.Value;
        if (string.IsNullOrEmpty(algorithm))
        {
            throw new PskcException(MessageCode.PskcAlgorithmUnsupported, "The Key has no Algorithm.", number, name);
        }

        var parameters = key.Element(Pskc + "AlgorithmParameters");
        var format = parameters?.Element(Pskc + "ResponseFormat");
        var encoding = format?.Attribute("Encoding")?.Value;
        if (encoding is not null and not "DECIMAL")
        {
            throw new PskcException(MessageCode.PskcAlgorithmUnsupported, "The response encoding is not DECIMAL.", number, name);
        }

        var data = key.Element(Pskc + "Data");
        var secret = data?.Element(Pskc + "Secret")
            ?? throw new PskcException(MessageCode.PskcKeyPackageInvalid, "The key has no Secret.", number, name);
        try
        {
            return new PskcKeyPackage
            {
                Number = number,
                SerialNumber = name,
                Manufacturer = package.Element(Pskc + "DeviceInfo")?.Element(Pskc + "Manufacturer")?.Value.Trim(),
                Algorithm = algorithm,
                Digits = format?.Attribute("Length") is { } length ? Integer(length.Value, "ResponseFormat Length") : null,
                Suite = parameters?.Element(Pskc + "Suite")?.Value.Trim(),
                TimeInterval = PlainInteger(data!.Element(Pskc + "TimeInterval"), "TimeInterval"),
                TimeDrift = PlainInteger(data.Element(Pskc + "TimeDrift"), "TimeDrift"),
                Counter = data.Element(Pskc + "Counter")?.Element(Pskc + "PlainValue") is { } counter ? Long(counter.Value, "Counter") : null,
                Seed = SecretOf(secret, keys),
            };
        }
        catch (PskcException e) when (e.KeyPackageNumber is null)
        {
            throw new PskcException(e.Code, e.Message, number, name, e.InnerException);
        }
    }

    private static byte[] SecretOf(XElement secret, ContainerKeys keys)
    {
        if (secret.Element(Pskc + "PlainValue") is { } plain)
        {
            return Base64(plain.Value, "Secret PlainValue");
        }

        var encrypted = secret.Element(Pskc + "EncryptedValue")
            ?? throw new PskcException(MessageCode.PskcKeyPackageInvalid, "The Secret has neither a PlainValue nor an EncryptedValue.");
        if (keys.EncryptionKey is null)
        {
            throw new PskcException(MessageCode.PskcKeyRequired, "The Secret is encrypted, but the file has no EncryptionKey or no key was given.");
        }

        if (keys.MacKey is null)
        {
            throw new PskcException(MessageCode.PskcMacInvalid, "The Secret is encrypted, but the file has no MACMethod: its integrity cannot be checked.");
        }

        var valueMac = secret.Element(Pskc + "ValueMAC")
            ?? throw new PskcException(MessageCode.PskcMacInvalid, "The Secret is encrypted, but has no ValueMAC.");
        var cipherValue = CipherValueOf(encrypted, keys.EncryptionKey.Length);
        var expectedMac = Base64(valueMac.Value, "ValueMAC");
        Span<byte> mac = stackalloc byte[64];
        var macLength = keys.MacAlgorithm switch
        {
            HashAlgorithmName { Name: "SHA256" } => HMACSHA256.HashData(keys.MacKey, cipherValue, mac),
            HashAlgorithmName { Name: "SHA512" } => HMACSHA512.HashData(keys.MacKey, cipherValue, mac),
#pragma warning disable CA5350 // RFC 6030 §6.1.1 specifies HMAC-SHA-1 for the MAC; not affected by SHA-1 collisions.
            _ => HMACSHA1.HashData(keys.MacKey, cipherValue, mac),
#pragma warning restore CA5350
        };
        if (!CryptographicOperations.FixedTimeEquals(mac[..macLength], expectedMac))
        {
            throw new PskcException(MessageCode.PskcMacInvalid, "The ValueMAC does not match: the file was altered, or the key or password is wrong.");
        }

        return Decrypt(keys.EncryptionKey, cipherValue, "Secret");
    }

    /// <summary>IV followed by ciphertext, after checking the encryption method.</summary>
    private static byte[] CipherValueOf(XElement encrypted, int keyLength)
    {
        var method = encrypted.Element(Xenc + "EncryptionMethod")?.Attribute("Algorithm")?.Value;
        var expected = keyLength switch
        {
            16 => XmlEnc + "aes128-cbc",
            24 => XmlEnc + "aes192-cbc",
            _ => XmlEnc + "aes256-cbc",
        };
        if (method != expected)
        {
            throw new PskcException(MessageCode.PskcAlgorithmUnsupported, $"The encryption method is not {expected["http://www.w3.org/2001/04/xmlenc#".Length..]} for a {keyLength * 8}-bit key.");
        }

        var value = Base64(encrypted.Element(Xenc + "CipherData")?.Element(Xenc + "CipherValue")?.Value, "CipherValue");
        if (value.Length < 32 || value.Length % 16 != 0)
        {
            throw new PskcException(MessageCode.PskcKeyPackageInvalid, "The CipherValue is not an IV followed by whole AES blocks.");
        }

        return value;
    }

    private static byte[] Decrypt(byte[] key, byte[] ivAndCiphertext, string what)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        try
        {
            return aes.DecryptCbc(ivAndCiphertext.AsSpan(16), ivAndCiphertext.AsSpan(0, 16), PaddingMode.PKCS7);
        }
        catch (CryptographicException e)
        {
            throw new PskcException(MessageCode.PskcMacInvalid, $"The {what} does not decrypt: the key or password is wrong.", inner: e);
        }
    }

    private static XElement? ChildByLocalName(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static byte[] Base64(string? text, string what)
    {
        try
        {
            return Convert.FromBase64String(text?.Trim() ?? throw new PskcException(MessageCode.PskcKeyPackageInvalid, $"{what} is missing."));
        }
        catch (FormatException e)
        {
            throw new PskcException(MessageCode.PskcKeyPackageInvalid, $"{what} is not base64.", inner: e);
        }
    }

    private static int Integer(string? text, string what) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new PskcException(MessageCode.PskcKeyPackageInvalid, $"{what} is not an integer.");

    private static long Long(string? text, string what) =>
        long.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new PskcException(MessageCode.PskcKeyPackageInvalid, $"{what} is not an integer.");

    private static int? PlainInteger(XElement? element, string what) =>
        element is null ? null : Integer(element.Element(Pskc + "PlainValue")?.Value, what);

    /// <summary>The container's decrypted keys, zeroed when the read ends.</summary>
    private sealed class ContainerKeys
    {
        public byte[]? EncryptionKey { get; set; }

        public byte[]? MacKey { get; private set; }

        public HashAlgorithmName MacAlgorithm { get; private set; } = HashAlgorithmName.SHA1;

        public void SetMacKey(XElement macMethod)
        {
            MacAlgorithm = macMethod.Attribute("Algorithm")?.Value switch
            {
                XmlDsig + "hmac-sha1" => HashAlgorithmName.SHA1,
                "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256" => HashAlgorithmName.SHA256,
                "http://www.w3.org/2001/04/xmldsig-more#hmac-sha512" => HashAlgorithmName.SHA512,
                _ => throw new PskcException(MessageCode.PskcAlgorithmUnsupported, "The MAC method is not HMAC-SHA1, HMAC-SHA256 or HMAC-SHA512."),
            };
            var macKey = macMethod.Element(Pskc + "MACKey")
                ?? throw new PskcException(MessageCode.PskcMacInvalid, "The MACMethod has no MACKey.");
            if (EncryptionKey is null)
            {
                throw new PskcException(MessageCode.PskcKeyRequired, "The MAC key is encrypted, but the file has no EncryptionKey before it.");
            }

            MacKey = Decrypt(EncryptionKey, CipherValueOf(macKey, EncryptionKey.Length), "MAC key");
        }

        public void Clear()
        {
            if (EncryptionKey is not null)
            {
                CryptographicOperations.ZeroMemory(EncryptionKey);
            }

            if (MacKey is not null)
            {
                CryptographicOperations.ZeroMemory(MacKey);
            }
        }
    }
}
