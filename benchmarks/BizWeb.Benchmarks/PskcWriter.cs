using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using BizWeb.Tokens;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace BizWeb.Benchmarks;

/// <summary>The protection of the seeds in a PSKC file (RFC 6030 §5–§6).</summary>
public enum PskcVariant
{
    /// <summary>§5: seeds as PlainValue, no key.</summary>
    Plain,

    /// <summary>§6.1: AES-128-CBC with a pre-shared key, HMAC-SHA1 ValueMAC (what most vendors ship).</summary>
    AesCbcHmac,

    /// <summary>§6.1 with RFC 5649 AES-128 key wrap with padding (20-byte seeds), no MAC.</summary>
    KeyWrap,

    /// <summary>§6.2: AES-128-CBC + HMAC-SHA1 under a key derived from a password (PBKDF2-HMAC-SHA1, 1,000 iterations as in RFC 6030 Figure 7).</summary>
    Pbkdf2,

    /// <summary>§6.3: each seed encrypted with RSA-OAEP (MGF1-SHA1) to the bank's 2048-bit certificate, no MAC.</summary>
    RsaOaep,
}

/// <summary>
/// Writes PSKC files the way a token vendor does, in each protection of RFC 6030, straight to UTF-8
/// bytes. The plain and AES-CBC forms are those of tests/BizWeb.Tokens.Tests/PskcBuilder.cs; the key
/// wrap is BouncyCastle's <see cref="AesWrapPadEngine"/> (not the reader's own unwrap), PBKDF2 is
/// .NET's, RSA-OAEP is .NET's with a self-signed certificate, laid out as the openssl-written files in
/// tests/BizWeb.Tokens.Tests/Pskc/openssl.
/// </summary>
internal sealed class PskcWriter
{
    private const string XmlEnc = "http://www.w3.org/2001/04/xmlenc#";
    private const string Password = "benchmark password";
    private const int Pbkdf2Iterations = 1_000;
    private static readonly Lazy<X509Certificate2> BankCertificate = new(CreateCertificate);
    private readonly StringBuilder _packages = new();
    private readonly PskcVariant _variant;
    private readonly byte[] _salt = RandomNumberGenerator.GetBytes(8);
    private readonly byte[] _key;
    private readonly byte[] _macKey = RandomNumberGenerator.GetBytes(20);
    private readonly RSA? _publicKey;

    public PskcWriter(PskcVariant variant = PskcVariant.AesCbcHmac)
    {
        _variant = variant;
        _key = variant == PskcVariant.Pbkdf2
            ? Rfc2898DeriveBytes.Pbkdf2(Password, _salt, Pbkdf2Iterations, HashAlgorithmName.SHA1, 16)
            : RandomNumberGenerator.GetBytes(16);
        _publicKey = variant == PskcVariant.RsaOaep ? BankCertificate.Value.GetRSAPublicKey() : null;
    }

    public PskcDecryptionKey DecryptionKey => _variant switch
    {
        PskcVariant.Plain => PskcDecryptionKey.None,
        PskcVariant.Pbkdf2 => PskcDecryptionKey.Password(Password),
        PskcVariant.RsaOaep => PskcDecryptionKey.Certificate(BankCertificate.Value),
        _ => PskcDecryptionKey.PreSharedKey(_key),
    };

    public static (byte[] File, PskcDecryptionKey Key) Create(int tokens, PskcVariant variant = PskcVariant.AesCbcHmac)
    {
        var writer = new PskcWriter(variant);
        for (var i = 0; i < tokens; i++)
        {
            writer.Add(FormattableString.Invariant($"SN{i:D6}"), RandomNumberGenerator.GetBytes(20));
        }

        return (writer.ToBytes(), writer.DecryptionKey);
    }

    public void Add(string serial, byte[] seed)
    {
        var secret = _variant switch
        {
            PskcVariant.Plain => $"<PlainValue>{Convert.ToBase64String(seed)}</PlainValue>",
            PskcVariant.KeyWrap => EncryptedValue("http://www.w3.org/2009/xmlenc11#kw-aes-128-pad", Wrap(seed)),
            PskcVariant.RsaOaep => EncryptedValue(XmlEnc + "rsa-oaep-mgf1p", _publicKey!.Encrypt(seed, RSAEncryptionPadding.OaepSHA1)),
            _ => EncryptedValueWithMac(Encrypt(seed)),
        };
        _packages.Append(FormattableString.Invariant($"""
            <KeyPackage>
              <DeviceInfo><Manufacturer>Acme</Manufacturer><SerialNo>{serial}</SerialNo></DeviceInfo>
              <Key Id="{serial}" Algorithm="urn:ietf:params:xml:ns:keyprov:pskc:totp">
                <AlgorithmParameters><Suite>HMAC-SHA1</Suite><ResponseFormat Length="6" Encoding="DECIMAL"/></AlgorithmParameters>
                <Data>
                  <Secret>{secret}</Secret>
                  <TimeInterval><PlainValue>30</PlainValue></TimeInterval>
                </Data>
              </Key>
            </KeyPackage>

            """));
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <KeyContainer Version="1.0" xmlns="urn:ietf:params:xml:ns:keyprov:pskc" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" xmlns:xenc11="http://www.w3.org/2009/xmlenc11#" xmlns:pkcs5="http://www.rsasecurity.com/rsalabs/pkcs/schemas/pkcs-5v2-0#">
        {Header()}
        {_packages}
        </KeyContainer>
        """);

    private string Header()
    {
        var mac = $"""
              <MACMethod Algorithm="http://www.w3.org/2000/09/xmldsig#hmac-sha1">
                <MACKey>
                  <xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
                  <xenc:CipherData><xenc:CipherValue>{Convert.ToBase64String(Encrypt(_macKey))}</xenc:CipherValue></xenc:CipherData>
                </MACKey>
              </MACMethod>
            """;
        return _variant switch
        {
            PskcVariant.Plain => string.Empty,
            PskcVariant.KeyWrap => "<EncryptionKey><ds:KeyName>Pre-shared-key</ds:KeyName></EncryptionKey>",
            PskcVariant.RsaOaep => $"<EncryptionKey><ds:X509Data><ds:X509Certificate>{Convert.ToBase64String(BankCertificate.Value.RawData)}</ds:X509Certificate></ds:X509Data></EncryptionKey>",
            PskcVariant.Pbkdf2 => FormattableString.Invariant($"""
                  <EncryptionKey><xenc11:DerivedKey>
                    <xenc11:KeyDerivationMethod Algorithm="http://www.rsasecurity.com/rsalabs/pkcs/schemas/pkcs-5v2-0#pbkdf2">
                      <pkcs5:PBKDF2-params><Salt><Specified>{Convert.ToBase64String(_salt)}</Specified></Salt><IterationCount>{Pbkdf2Iterations}</IterationCount><KeyLength>16</KeyLength><PRF/></pkcs5:PBKDF2-params>
                    </xenc11:KeyDerivationMethod>
                    <xenc11:MasterKeyName>Benchmark password</xenc11:MasterKeyName>
                  </xenc11:DerivedKey></EncryptionKey>
                """) + mac,
            _ => "<EncryptionKey><ds:KeyName>Pre-shared-key</ds:KeyName></EncryptionKey>" + mac,
        };
    }

    private static string EncryptedValue(string algorithm, byte[] cipherValue) => $"""
        <EncryptedValue>
          <xenc:EncryptionMethod Algorithm="{algorithm}"/>
          <xenc:CipherData><xenc:CipherValue>{Convert.ToBase64String(cipherValue)}</xenc:CipherValue></xenc:CipherData>
        </EncryptedValue>
        """;

    private string EncryptedValueWithMac(byte[] cipherValue)
    {
#pragma warning disable CA5350 // RFC 6030 §6.1.1 specifies HMAC-SHA1.
        var mac = HMACSHA1.HashData(_macKey, cipherValue);
#pragma warning restore CA5350
        return EncryptedValue(XmlEnc + "aes128-cbc", cipherValue) + $"<ValueMAC>{Convert.ToBase64String(mac)}</ValueMAC>";
    }

    private byte[] Encrypt(byte[] plaintext)
    {
        using var aes = Aes.Create();
        aes.Key = _key;
        var iv = RandomNumberGenerator.GetBytes(16);
        return [.. iv, .. aes.EncryptCbc(plaintext, iv, PaddingMode.PKCS7)];
    }

    private byte[] Wrap(byte[] plaintext)
    {
        var engine = new AesWrapPadEngine();
        engine.Init(true, new KeyParameter(_key));
        return engine.Wrap(plaintext, 0, plaintext.Length);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=BizWeb PSKC benchmark (not secret)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
