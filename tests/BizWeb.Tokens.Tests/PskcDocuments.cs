using System.Text;

namespace BizWeb.Tokens.Tests;

/// <summary>Small PSKC documents with plain values, written for the refusal, policy and preview tests.</summary>
internal static class PskcDocuments
{
    public const string Seed20Base64 = "MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=";
    public const string Seed32Base64 = "MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI=";

    public static string Container(params string[] children) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <KeyContainer Version="1.0" xmlns="urn:ietf:params:xml:ns:keyprov:pskc" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:xenc="http://www.w3.org/2001/04/xmlenc#">
        {string.Concat(children)}
        </KeyContainer>
        """;

    public static string Package(string serial, string algorithm = "urn:ietf:params:xml:ns:keyprov:pskc:totp", string parameters = "<ResponseFormat Length=\"6\" Encoding=\"DECIMAL\"/>", string data = $"<Secret><PlainValue>{Seed20Base64}</PlainValue></Secret>") => $"""
        <KeyPackage>
          <DeviceInfo><Manufacturer>Acme</Manufacturer><SerialNo>{serial}</SerialNo></DeviceInfo>
          <Key Id="{serial}" Algorithm="{algorithm}">
            <AlgorithmParameters>{parameters}</AlgorithmParameters>
            <Data>{data}</Data>
          </Key>
        </KeyPackage>
        """;

    /// <summary>HOTP, TOTP, OCRA in both notations, an unknown algorithm and a TOTP key with 9 digits, as vendors mix them.</summary>
    public static string Mixed() => Container(
        Package("HOTP-1", "urn:ietf:params:xml:ns:keyprov:pskc:hotp", data: $"<Secret><PlainValue>{Seed20Base64}</PlainValue></Secret><Counter><PlainValue>7</PlainValue></Counter>"),
        Package("TOTP-1"),
        Package("OCRA-URI", "urn:ietf:params:xml:ns:keyprov:pskc#OCRA-1:HOTP-SHA256-8:QN08", parameters: "", data: $"<Secret><PlainValue>{Seed32Base64}</PlainValue></Secret>"),
        Package("OCRA-SUITE", "urn:ietf:params:xml:ns:keyprov:pskc:ocra", parameters: "<Suite>OCRA-1:HOTP-SHA256-8:QN08</Suite>", data: $"<Secret><PlainValue>{Seed32Base64}</PlainValue></Secret>"),
        Package("VENDOR-1", "urn:example:vendor:proprietary"),
        Package("TOTP-9", parameters: "<ResponseFormat Length=\"9\" Encoding=\"DECIMAL\"/>"));

    public static MemoryStream Stream(string document) => new(Encoding.UTF8.GetBytes(document));
}
