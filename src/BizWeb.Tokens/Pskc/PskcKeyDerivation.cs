using System.Security.Cryptography;
using System.Xml.Linq;
using BizWeb.Auth;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;

namespace BizWeb.Tokens;

/// <summary>
/// RFC 6030 §6.2: the container key derived from a password with PBKDF2 (PKCS #5 v2.0 PBKDF2-params:
/// salt, iteration count, optional key length, PRF HMAC-SHA1/224/256/384/512). Parameters are checked
/// before any derivation; without a KeyLength the key takes the length the encryption method needs.
/// </summary>
internal sealed class PskcKeyDerivation
{
    private const int MaxIterations = 10_000_000;
    private readonly string _password;
    private readonly byte[] _salt;
    private readonly int _iterations;
    private readonly string _prf;

    private PskcKeyDerivation(string password, byte[] salt, int iterations, int? keyLength, string prf)
    {
        _password = password;
        _salt = salt;
        _iterations = iterations;
        KeyLength = keyLength;
        _prf = prf;
    }

    /// <summary>The length the file asks for, when it says.</summary>
    public int? KeyLength { get; }

    public static bool IsDerivedKey(XElement encryptionKey) => encryptionKey.Element(XName.Get("DerivedKey", PskcAlgorithms.XmlEnc11)) is not null;

    /// <summary>Reads the parameters of an EncryptionKey holding an xenc11:DerivedKey.</summary>
    public static PskcKeyDerivation Read(XElement encryptionKey, string password)
    {
        var method = encryptionKey.Element(XName.Get("DerivedKey", PskcAlgorithms.XmlEnc11))?.Element(XName.Get("KeyDerivationMethod", PskcAlgorithms.XmlEnc11));
        var algorithm = method?.Attribute("Algorithm")?.Value;
        if (algorithm != PskcAlgorithms.Pbkdf2)
        {
            throw new PskcException(MessageCode.PskcAlgorithmUnsupported, $"unsupported: key derivation method {PskcAlgorithms.ShortName(algorithm)} (only PBKDF2).");
        }

        var parameters = PskcText.ChildByLocalName(method, "PBKDF2-params")
            ?? throw new PskcException(MessageCode.PskcMalformed, "PBKDF2-params are missing.");
        var salt = PskcText.Base64(PskcText.ChildByLocalName(PskcText.ChildByLocalName(parameters, "Salt"), "Specified")?.Value, "PBKDF2 salt");
        var iterations = PskcText.Integer(PskcText.ChildByLocalName(parameters, "IterationCount")?.Value, "PBKDF2 IterationCount");
        int? length = PskcText.ChildByLocalName(parameters, "KeyLength") is { } keyLength ? PskcText.Integer(keyLength.Value, "PBKDF2 KeyLength") : null;
        if (iterations is < 1 or > MaxIterations || length is not (null or 16 or 24 or 32))
        {
            throw new PskcException(MessageCode.PskcAlgorithmUnsupported, $"unsupported: PBKDF2 iteration count {iterations} or key length {length} (1–{MaxIterations} iterations, 16, 24 or 32 bytes).");
        }

        var prf = PskcText.ChildByLocalName(parameters, "PRF")?.Attribute("Algorithm")?.Value;
        prf = string.IsNullOrEmpty(prf) ? PskcAlgorithms.HmacSha1 : prf;
        if (!PskcMac.IsSupported(prf))
        {
            throw new PskcException(MessageCode.PskcAlgorithmUnsupported, $"unsupported: PBKDF2 PRF {PskcAlgorithms.ShortName(prf)}.");
        }

        return new PskcKeyDerivation(password, salt, iterations, length, prf);
    }

    /// <summary>Derives the key, of the file's KeyLength or else <paramref name="length"/>.</summary>
    public byte[] Derive(int length)
    {
        length = KeyLength ?? length;
        if (PskcMac.HashName(_prf) is { } name)
        {
            return Rfc2898DeriveBytes.Pbkdf2(_password, _salt, _iterations, name, length);
        }

        // HMAC-SHA224, which .NET does not offer.
        var generator = new Pkcs5S2ParametersGenerator(new Sha224Digest());
        generator.Init(System.Text.Encoding.UTF8.GetBytes(_password), _salt, _iterations);
        return ((KeyParameter)generator.GenerateDerivedMacParameters(length * 8)).GetKey();
    }
}
