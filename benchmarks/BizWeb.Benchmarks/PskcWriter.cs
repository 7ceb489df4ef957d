using System.Security.Cryptography;
using System.Text;
using BizWeb.Tokens;

namespace BizWeb.Benchmarks;

/// <summary>
/// Writes PSKC files the way a token vendor does (RFC 6030 §6.1: AES-128-CBC with a pre-shared key,
/// HMAC-SHA1 MAC), as tests/BizWeb.Tokens.Tests/PskcBuilder.cs does; here straight to UTF-8 bytes.
/// </summary>
internal sealed class PskcWriter
{
    private readonly StringBuilder _packages = new();
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(16);
    private readonly byte[] _macKey = RandomNumberGenerator.GetBytes(20);

    public PskcDecryptionKey DecryptionKey => PskcDecryptionKey.PreSharedKey(_key);

    public static (byte[] File, PskcDecryptionKey Key) Create(int tokens)
    {
        var writer = new PskcWriter();
        for (var i = 0; i < tokens; i++)
        {
            writer.Add(FormattableString.Invariant($"SN{i:D6}"), RandomNumberGenerator.GetBytes(20));
        }

        return (writer.ToBytes(), writer.DecryptionKey);
    }

    public void Add(string serial, byte[] seed)
    {
        var cipherValue = Encrypt(seed);
#pragma warning disable CA5350 // RFC 6030 §6.1.1 specifies HMAC-SHA1.
        var mac = HMACSHA1.HashData(_macKey, cipherValue);
#pragma warning restore CA5350
        _packages.Append(FormattableString.Invariant($"""
            <KeyPackage>
              <DeviceInfo><Manufacturer>Acme</Manufacturer><SerialNo>{serial}</SerialNo></DeviceInfo>
              <Key Id="{serial}" Algorithm="urn:ietf:params:xml:ns:keyprov:pskc:totp">
                <AlgorithmParameters><Suite>HMAC-SHA1</Suite><ResponseFormat Length="6" Encoding="DECIMAL"/></AlgorithmParameters>
                <Data>
                  <Secret>
                    <EncryptedValue>
                      <xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
                      <xenc:CipherData><xenc:CipherValue>{Convert.ToBase64String(cipherValue)}</xenc:CipherValue></xenc:CipherData>
                    </EncryptedValue>
                    <ValueMAC>{Convert.ToBase64String(mac)}</ValueMAC>
                  </Secret>
                  <TimeInterval><PlainValue>30</PlainValue></TimeInterval>
                </Data>
              </Key>
            </KeyPackage>

            """));
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <KeyContainer Version="1.0" xmlns="urn:ietf:params:xml:ns:keyprov:pskc" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:xenc="http://www.w3.org/2001/04/xmlenc#">
          <EncryptionKey><ds:KeyName>Pre-shared-key</ds:KeyName></EncryptionKey>
          <MACMethod Algorithm="http://www.w3.org/2000/09/xmldsig#hmac-sha1">
            <MACKey>
              <xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
              <xenc:CipherData><xenc:CipherValue>{Convert.ToBase64String(Encrypt(_macKey))}</xenc:CipherValue></xenc:CipherData>
            </MACKey>
          </MACMethod>
        {_packages}
        </KeyContainer>
        """);

    private byte[] Encrypt(byte[] plaintext)
    {
        using var aes = Aes.Create();
        aes.Key = _key;
        var iv = RandomNumberGenerator.GetBytes(16);
        return [.. iv, .. aes.EncryptCbc(plaintext, iv, PaddingMode.PKCS7)];
    }
}
