using BizWeb.Auth;

namespace BizWeb.Tokens.Tests;

/// <summary>Each class of refusal has its own code, and nothing is imported.</summary>
public sealed class PskcRefusalTests
{
    private static string MacMethod(string algorithm) => $"""
        <EncryptionKey><ds:KeyName>k</ds:KeyName></EncryptionKey>
        <MACMethod Algorithm="{algorithm}"><MACKey><xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/><xenc:CipherData><xenc:CipherValue>AAECAwQFBgcICQoLDA0ODwABAgMEBQYHCAkKCwwNDg8=</xenc:CipherValue></xenc:CipherData></MACKey></MACMethod>
        """;

    private static readonly PskcDecryptionKey Key16 = PskcDecryptionKey.PreSharedKey(new byte[16]);

    public static TheoryData<string, string, MessageCode, int?> Refusals() => new()
    {
        { "not a container", "<?xml version=\"1.0\"?><KeyPackage xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\"/>", MessageCode.PskcMalformed, null },
        { "version 2", "<KeyContainer Version=\"2.0\" xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\"/>", MessageCode.PskcMalformed, null },
        { "truncated", PskcDocuments.Container(PskcDocuments.Package("T1"))[..300], MessageCode.PskcMalformed, null },
        { "draft: Device", "<KeyContainer Version=\"1.0\" xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\"><Device><DeviceInfo><SerialNo>D1</SerialNo></DeviceInfo><Key KeyId=\"D1\" KeyAlgorithm=\"http://www.ietf.org/keyprov/pskc#hotp\"/></Device></KeyContainer>", MessageCode.PskcDraftLayout, null },
        { "draft: namespace", "<KeyContainer Version=\"1.0\" xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc:1.0\"><Device/></KeyContainer>", MessageCode.PskcDraftLayout, null },
        { "empty", "<KeyContainer Version=\"1.0\" xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\"/>", MessageCode.PskcNoImportableKey, null },
        { "no key package", PskcDocuments.Container("<EncryptionKey><ds:KeyName>k</ds:KeyName></EncryptionKey>"), MessageCode.PskcNoImportableKey, null },
        { "unknown MAC", PskcDocuments.Container(MacMethod("http://www.w3.org/2001/04/xmldsig-more#hmac-md5")), MessageCode.PskcAlgorithmUnsupported, null },
        { "unknown encryption", PskcDocuments.Container("<EncryptionKey><ds:KeyName>k</ds:KeyName></EncryptionKey>", PskcDocuments.Package("E1", data: "<Secret><EncryptedValue><xenc:EncryptionMethod Algorithm=\"urn:vendor:xor\"/><xenc:CipherData><xenc:CipherValue>AAAA</xenc:CipherValue></xenc:CipherData></EncryptedValue></Secret>")), MessageCode.PskcAlgorithmUnsupported, 1 },
        { "CBC without MAC", PskcDocuments.Container("<EncryptionKey><ds:KeyName>k</ds:KeyName></EncryptionKey>", PskcDocuments.Package("E1", data: "<Secret><EncryptedValue><xenc:EncryptionMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#aes128-cbc\"/><xenc:CipherData><xenc:CipherValue>AAECAwQFBgcICQoLDA0ODwABAgMEBQYHCAkKCwwNDg8=</xenc:CipherValue></xenc:CipherData></EncryptedValue></Secret>")), MessageCode.PskcMacInvalid, 1 },
        { "encrypted without EncryptionKey", PskcDocuments.Container(PskcDocuments.Package("E1", data: "<Secret><EncryptedValue><xenc:EncryptionMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#kw-aes128\"/><xenc:CipherData><xenc:CipherValue>AAECAwQFBgcICQoLDA0ODwABAgMEBQYH</xenc:CipherValue></xenc:CipherData></EncryptedValue></Secret>")), MessageCode.PskcKeyRequired, 1 },
        { "unknown key algorithm", PskcDocuments.Container(PskcDocuments.Package("U1", "urn:example:unknown")), MessageCode.PskcAlgorithmUnsupported, 1 },
        { "HOTP counter negative", PskcDocuments.Container(PskcDocuments.Package("H1", "urn:ietf:params:xml:ns:keyprov:pskc:hotp", data: $"<Secret><PlainValue>{PskcDocuments.Seed20Base64}</PlainValue></Secret><Counter><PlainValue>-1</PlainValue></Counter>")), MessageCode.PskcKeyPackageInvalid, 1 },
        { "HOTP suite unknown", PskcDocuments.Container(PskcDocuments.Package("H1", "urn:ietf:params:xml:ns:keyprov:pskc:hotp", parameters: "<Suite>HMAC-MD5</Suite><ResponseFormat Length=\"6\" Encoding=\"DECIMAL\"/>")), MessageCode.PskcAlgorithmUnsupported, 1 },
        { "OCRA without suite", PskcDocuments.Container(PskcDocuments.Package("O1", "urn:ietf:params:xml:ns:keyprov:pskc:ocra")), MessageCode.PskcAlgorithmUnsupported, 1 },
        { "hex response", PskcDocuments.Container(PskcDocuments.Package("X1", parameters: "<ResponseFormat Length=\"6\" Encoding=\"HEXADECIMAL\"/>")), MessageCode.PskcAlgorithmUnsupported, 1 },
        { "no secret", PskcDocuments.Container(PskcDocuments.Package("S1", data: "")), MessageCode.PskcKeyPackageInvalid, 1 },
        { "secret not base64", PskcDocuments.Container(PskcDocuments.Package("S1", data: "<Secret><PlainValue>!!!</PlainValue></Secret>")), MessageCode.PskcKeyPackageInvalid, 1 },
        { "short secret", PskcDocuments.Container(PskcDocuments.Package("S1", data: "<Secret><PlainValue>MTIzNA==</PlainValue></Secret>")), MessageCode.PskcKeyPackageInvalid, 1 },
        { "TimeInterval not an integer", PskcDocuments.Container(PskcDocuments.Package("S1", data: $"<Secret><PlainValue>{PskcDocuments.Seed20Base64}</PlainValue></Secret><TimeInterval><PlainValue>thirty</PlainValue></TimeInterval>")), MessageCode.PskcKeyPackageInvalid, 1 },
        { "no serial", PskcDocuments.Container("<KeyPackage><Key Algorithm=\"urn:ietf:params:xml:ns:keyprov:pskc:totp\"><Data/></Key></KeyPackage>"), MessageCode.PskcKeyPackageInvalid, 1 },
        { "duplicate in the file", PskcDocuments.Container(PskcDocuments.Package("D1"), PskcDocuments.Package("D1")), MessageCode.PskcDuplicateSerialNumber, 2 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refused_files_import_nothing_with_their_code(string what, string document, MessageCode expected, int? keyPackage)
    {
        using var host = new TestHost();
        await using var stream = PskcDocuments.Stream(document);
        var result = await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, Key16, TestHost.Operator);
        Assert.False(result.Succeeded, what);
        Assert.Equal((expected, keyPackage), (result.Error!.Code, result.KeyPackageNumber));
        Assert.Equal(0, result.ImportedCount);
        Assert.Empty(await host.Get<HardwareTokenInventory>().ListAsync(0, 10));
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-9\"?><KeyContainer Version=\"1.0\" xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\"/>", false)]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?><KeyContainer Version=\"1.0\" xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\"><KeyPackage><DeviceInfo><SerialNo>", true)]
    [InlineData("", false)]
    public async Task Undecodable_bytes_are_a_malformed_file(string start, bool invalidUtf8)
    {
        byte[] bytes = [.. System.Text.Encoding.UTF8.GetBytes(start), .. invalidUtf8 ? new byte[] { 0xC3, 0x28, 0xFF, 0xFE } : []];
        using var host = new TestHost();
        await using var stream = new MemoryStream(bytes);
        Assert.Equal(MessageCode.PskcMalformed, (await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, Key16, TestHost.Operator)).Error!.Code);
    }

    [Fact]
    public async Task An_unsupported_MAC_is_named_and_no_MAC_key_is_decrypted()
    {
        using var host = new TestHost();
        await using var stream = PskcDocuments.Stream(PskcDocuments.Container(MacMethod("urn:vendor:mac")));
        var result = await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, Key16, TestHost.Operator);
        Assert.Equal("unsupported: MAC method urn:vendor:mac (HMAC-SHA1, -SHA224, -SHA256, -SHA384 or -SHA512).", result.Detail);
    }

    [Fact]
    public async Task An_unsupported_PBKDF2_PRF_is_named()
    {
        var figure7 = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Pskc", "rfc6030-figure7.xml"));
        using var host = new TestHost();
        await using var stream = PskcDocuments.Stream(figure7.Replace("<PRF/>", "<PRF Algorithm=\"urn:vendor:prf\"/>", StringComparison.Ordinal));
        var result = await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, PskcDecryptionKey.Password("qwerty"), TestHost.Operator);
        Assert.Equal(MessageCode.PskcAlgorithmUnsupported, result.Error!.Code);
        Assert.Contains("PRF urn:vendor:prf", result.Detail, StringComparison.Ordinal);
    }
}
