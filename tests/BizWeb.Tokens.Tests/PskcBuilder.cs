using System.Security.Cryptography;
using System.Text;

namespace BizWeb.Tokens.Tests;

/// <summary>Writes PSKC files the way a token vendor does (RFC 6030 §6.1: AES-128-CBC with a pre-shared key, HMAC-SHA1 MAC).</summary>
internal sealed class PskcBuilder
{
    private readonly StringBuilder _packages = new();
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(16);
    private readonly byte[] _macKey = RandomNumberGenerator.GetBytes(20);

    public int Count { get; private set; }

    public PskcDecryptionKey DecryptionKey => PskcDecryptionKey.PreSharedKey(_key);

    public PskcBuilder Add(string serial, byte[] seed, bool tamperMac = false, string algorithm = "urn:ietf:params:xml:ns:keyprov:pskc:totp", string suite = "HMAC-SHA1", int digits = 6, int period = 30, long? counter = null)
    {
        Count++;
        var cipherValue = Encrypt(seed);
#pragma warning disable CA5350 // RFC 6030 §6.1.1 specifies HMAC-SHA1.
        var mac = HMACSHA1.HashData(_macKey, cipherValue);
#pragma warning restore CA5350
        if (tamperMac)
        {
            mac[0] ^= 1;
        }

        _packages.Append(CultureInfo($"""
            <KeyPackage>
              <DeviceInfo><Manufacturer>Acme</Manufacturer><SerialNo>{serial}</SerialNo></DeviceInfo>
              <Key Id="{serial}" Algorithm="{algorithm}">
                <AlgorithmParameters><Suite>{suite}</Suite><ResponseFormat Length="{digits}" Encoding="DECIMAL"/></AlgorithmParameters>
                <Data>
                  <Secret>
                    <EncryptedValue>
                      <xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
                      <xenc:CipherData><xenc:CipherValue>{Convert.ToBase64String(cipherValue)}</xenc:CipherValue></xenc:CipherData>
                    </EncryptedValue>
                    <ValueMAC>{Convert.ToBase64String(mac)}</ValueMAC>
                  </Secret>
                  <TimeInterval><PlainValue>{period}</PlainValue></TimeInterval>{(counter is { } c ? $"<Counter><PlainValue>{c}</PlainValue></Counter>" : "")}
                </Data>
              </Key>
            </KeyPackage>
            """));
        return this;
    }

    public MemoryStream ToStream() => new(Encoding.UTF8.GetBytes($"""
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
        """));

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);

    private byte[] Encrypt(byte[] plaintext)
    {
        using var aes = Aes.Create();
        aes.Key = _key;
        var iv = RandomNumberGenerator.GetBytes(16);
        return [.. iv, .. aes.EncryptCbc(plaintext, iv, PaddingMode.PKCS7)];
    }
}
