using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// Streams an RFC 6030 key container one key package at a time. The XML reader prohibits DTDs (so no
/// entity, internal or external, is ever expanded), has no resolver and a size limit. The container's
/// EncryptionKey is matched with the key given before anything is decrypted (<see cref="PskcDecryptor"/>),
/// and every encrypted value (secret and parameters) follows one rule (<see cref="PskcContainerKeys"/>):
/// its ValueMAC is checked in constant time before it is decrypted, and only key wrap and RSA, which carry
/// their own integrity, may come without one. A problem of the file stops the read; a problem of one key
/// package is handed to the caller, who stops or goes on.
/// </summary>
internal static class PskcReader
{
    public const string Namespace = PskcAlgorithms.Pskc;

    /// <summary>The most characters a file may hold: about 150,000 key packages, so a hostile file cannot exhaust memory.</summary>
    private const long MaxCharacters = 256L * 1024 * 1024;

    private const int MaxNameLength = 64;
    private static readonly XNamespace Pskc = Namespace;

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

    /// <summary>Reads the container and hands each key package to <paramref name="onKeyPackage"/>, in file order; any problem stops the read.</summary>
    /// <exception cref="PskcException">The file, or one of its key packages, cannot be imported.</exception>
    public static Task ReadAsync(Stream stream, PskcDecryptionKey key, Action<PskcKeyPackage> onKeyPackage, CancellationToken cancellationToken) =>
        ReadAsync(stream, key, onKeyPackage, refused => throw refused, cancellationToken);

    /// <summary>
    /// Reads the container: each key package read goes to <paramref name="onKeyPackage"/>, each one that
    /// cannot be read to <paramref name="onRefused"/> (with its number and name), which may throw it to stop.
    /// </summary>
    /// <exception cref="PskcException">The file cannot be read (or <paramref name="onRefused"/> threw).</exception>
    public static async Task ReadAsync(Stream stream, PskcDecryptionKey key, Action<PskcKeyPackage> onKeyPackage, Action<PskcException> onRefused, CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(stream, Settings);
        var keys = new PskcContainerKeys();
        try
        {
            await ReadContainerAsync(reader, key, keys, onKeyPackage, onRefused, cancellationToken).ConfigureAwait(false);
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

    private static async Task ReadContainerAsync(XmlReader reader, PskcDecryptionKey key, PskcContainerKeys keys, Action<PskcKeyPackage> onKeyPackage, Action<PskcException> onRefused, CancellationToken cancellationToken)
    {
        await reader.MoveToContentAsync().ConfigureAwait(false);
        CheckRoot(reader);
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

            if (reader.LocalName == "Device")
            {
                throw DraftLayout("keys under Device, without KeyPackage");
            }

            XElement element;
            using (var subtree = reader.ReadSubtree())
            {
                element = await XElement.LoadAsync(subtree, LoadOptions.None, cancellationToken).ConfigureAwait(false);
            }

            await reader.ReadAsync().ConfigureAwait(false);
            if (element.Name == Pskc + "EncryptionKey")
            {
                keys.SetEncryptionKey(element, key);
            }
            else if (element.Name == Pskc + "MACMethod")
            {
                keys.SetMacMethod(element);
            }
            else if (element.Name == Pskc + "KeyPackage")
            {
                number++;
                if (TryReadKeyPackage(element, number, keys, out var refused) is { } package)
                {
                    onKeyPackage(package);
                }
                else
                {
                    onRefused(refused!);
                }
            }
        }
    }

    /// <summary>An RFC 6030 KeyContainer, Version 1.0; a container of an earlier draft's namespace is named as such.</summary>
    private static void CheckRoot(XmlReader reader)
    {
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "KeyContainer")
        {
            throw new PskcException(MessageCode.PskcMalformed, "The root element is not an RFC 6030 KeyContainer.");
        }

        if (reader.NamespaceURI != Namespace)
        {
            throw reader.NamespaceURI.StartsWith("urn:ietf:params:xml:ns:keyprov:", StringComparison.Ordinal)
                ? DraftLayout("a KeyContainer of a draft namespace")
                : new PskcException(MessageCode.PskcMalformed, "The root element is not an RFC 6030 KeyContainer.");
        }

        if (reader.GetAttribute("Version") != "1.0")
        {
            throw new PskcException(MessageCode.PskcMalformed, "The KeyContainer Version is not 1.0.");
        }
    }

    private static PskcException DraftLayout(string what) =>
        new(MessageCode.PskcDraftLayout, $"The file is in a pre-RFC 6030 draft layout ({what}); ask the vendor for an RFC 6030 file.");

    private static PskcKeyPackage? TryReadKeyPackage(XElement package, int number, PskcContainerKeys keys, out PskcException? refused)
    {
        string? name = null;
        try
        {
            var key = package.Element(Pskc + "Key");
            var serial = package.Element(Pskc + "DeviceInfo")?.Element(Pskc + "SerialNo")?.Value.Trim();
            var candidate = !string.IsNullOrEmpty(serial) ? serial : key?.Attribute("Id")?.Value.Trim();
            if (candidate is { Length: > 0 and <= MaxNameLength } && !candidate.Any(char.IsControl))
            {
                name = candidate;
            }
            else if (!string.IsNullOrEmpty(candidate))
            {
                throw new PskcException(MessageCode.PskcKeyPackageInvalid, $"The serial number is longer than {MaxNameLength} characters or holds control characters.");
            }

            if (key is null || name is null)
            {
                throw new PskcException(MessageCode.PskcKeyPackageInvalid, "The key package has no Key, or neither a SerialNo nor a key Id.");
            }

            refused = null;
            return Read(package, key, number, name, keys);
        }
        catch (PskcException e)
        {
            refused = new PskcException(e.Code, e.Message, number, name, e.InnerException);
            return null;
        }
    }

    private static PskcKeyPackage Read(XElement package, XElement key, int number, string name, PskcContainerKeys keys)
    {
        // The cheap checks first: the algorithm and the response format, before anything is decrypted.
        var algorithm = key.Attribute("Algorithm")?.Value.Trim();
        var parameters = key.Element(Pskc + "AlgorithmParameters");
        var suite = parameters?.Element(Pskc + "Suite")?.Value.Trim();
        var (kind, ocraSuite) = KindOf(algorithm, suite);
        var format = parameters?.Element(Pskc + "ResponseFormat");
        var encoding = format?.Attribute("Encoding")?.Value;
        if (encoding is not null and not "DECIMAL")
        {
            throw new PskcException(MessageCode.PskcAlgorithmUnsupported, $"unsupported: response encoding {PskcAlgorithms.ShortName(encoding)} (only DECIMAL).");
        }

        int? digits = format?.Attribute("Length") is { } length ? PskcText.Integer(length.Value, "ResponseFormat Length") : null;
        var data = key.Element(Pskc + "Data");
        var secret = data?.Element(Pskc + "Secret")
            ?? throw new PskcException(MessageCode.PskcKeyPackageInvalid, "The key has no Secret.");
        var timeInterval = PskcKeyParameters.Integer(data, "TimeInterval", keys);
        var timeDrift = PskcKeyParameters.Integer(data, "TimeDrift", keys);
        var time = PskcKeyParameters.Long(data, "Time", keys);
        var counter = PskcKeyParameters.Long(data, "Counter", keys);
        return new PskcKeyPackage
        {
            Number = number,
            SerialNumber = name,
            Manufacturer = package.Element(Pskc + "DeviceInfo")?.Element(Pskc + "Manufacturer")?.Value.Trim(),
            Algorithm = algorithm!,
            Kind = kind,
            Digits = digits,
            Suite = ocraSuite ?? suite,
            TimeInterval = timeInterval,
            TimeDrift = timeDrift,
            Time = time,
            Counter = counter,
            Seed = SecretOf(secret, keys),
        };
    }

    /// <summary>HOTP, TOTP, or OCRA in either notation: <c>pskc#OCRA-1:…</c>, or <c>pskc:ocra</c> with the suite in Suite.</summary>
    private static (PskcKeyKind Kind, string? OcraSuite) KindOf(string? algorithm, string? suite)
    {
        if (string.IsNullOrEmpty(algorithm))
        {
            throw new PskcException(MessageCode.PskcAlgorithmUnsupported, "unsupported: the Key has no Algorithm.");
        }

        if (algorithm.Length > Namespace.Length + 1 && algorithm.StartsWith(Namespace, StringComparison.Ordinal) && algorithm[Namespace.Length] is ':' or '#')
        {
            var name = algorithm[(Namespace.Length + 1)..];
            if (name.StartsWith("OCRA-1:", StringComparison.Ordinal))
            {
                return (PskcKeyKind.Ocra, name);
            }

            switch (name)
            {
                case "hotp":
                    return (PskcKeyKind.Hotp, null);
                case "totp":
                    return (PskcKeyKind.Totp, null);
                case "ocra" when suite?.StartsWith("OCRA-1:", StringComparison.Ordinal) == true:
                    return (PskcKeyKind.Ocra, suite);
                case "ocra":
                    throw new PskcException(MessageCode.PskcAlgorithmUnsupported, "unsupported: an OCRA key without an OCRA-1 Suite.");
            }
        }

        throw new PskcException(MessageCode.PskcAlgorithmUnsupported, $"unsupported: key algorithm {PskcAlgorithms.ShortName(algorithm)} (HOTP, TOTP or OCRA-1).");
    }

    private static byte[] SecretOf(XElement secret, PskcContainerKeys keys)
    {
        if (secret.Element(Pskc + "PlainValue") is { } plain)
        {
            return PskcText.Base64(plain.Value, "Secret PlainValue");
        }

        var encrypted = secret.Element(Pskc + "EncryptedValue")
            ?? throw new PskcException(MessageCode.PskcKeyPackageInvalid, "The Secret has neither a PlainValue nor an EncryptedValue.");
        var seed = keys.Decrypt(secret, encrypted, "Secret");
        if (seed.Length == 0)
        {
            CryptographicOperations.ZeroMemory(seed);
            throw new PskcException(MessageCode.PskcKeyPackageInvalid, "The decrypted Secret is empty.");
        }

        return seed;
    }
}
