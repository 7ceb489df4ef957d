using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;

namespace BizWeb.Tokens.Tests;

/// <summary>
/// Files encrypted by an independent tool: Pskc/openssl/generate.py wrote them with openssl 3.0 (AES-CBC,
/// 3DES-CBC, Camellia-CBC, AES key wrap with and without padding, RSA-OAEP and RSA PKCS #1 v1.5) and Python's
/// hmac and hashlib.pbkdf2_hmac (HMAC-SHA1/224/256/384/512 MACs, PBKDF2); the reader must find the seed.
/// </summary>
public sealed class PskcOracleTests
{
    private const string Password = "Oracle-Password-1";
    private static readonly byte[] Seed20 = "12345678901234567890"u8.ToArray();
    private static readonly byte[] Seed32 = "12345678901234567890123456789012"u8.ToArray();

    internal static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Pskc", "openssl", name);

    internal static PskcDecryptionKey PreSharedKey(int length) => PskcDecryptionKey.PreSharedKey([.. Enumerable.Range(0, length).Select(i => (byte)i)]);

    internal static X509Certificate2 Certificate() => X509Certificate2.CreateFromPemFile(PathOf("oracle-rsa.crt"), PathOf("oracle-rsa.key"));

    internal static async Task<List<PskcKeyPackage>> ReadAsync(string name, PskcDecryptionKey key)
    {
        var packages = new List<PskcKeyPackage>();
        await using var stream = File.OpenRead(PathOf(name));
        await PskcReader.ReadAsync(stream, key, packages.Add, default);
        return packages;
    }

    [Theory]
    [InlineData("aes128-cbc-hmac-sha1.xml", 16)]
    [InlineData("aes192-cbc-hmac-sha224.xml", 24)]
    [InlineData("aes256-cbc-hmac-sha256.xml", 32)]
    [InlineData("aes128-cbc-hmac-sha384.xml", 16)]
    [InlineData("aes256-cbc-hmac-sha512.xml", 32)]
    [InlineData("tripledes-cbc-hmac-sha1.xml", 24)]
    [InlineData("camellia128-cbc-hmac-sha256.xml", 16)]
    [InlineData("camellia192-cbc-hmac-sha256.xml", 24)]
    [InlineData("camellia256-cbc-hmac-sha256.xml", 32)]
    [InlineData("kw-aes128-pad.xml", 16)]
    [InlineData("kw-aes192-pad.xml", 24)]
    [InlineData("kw-aes256-pad.xml", 32)]
    public async Task Pre_shared_key_files_decrypt_to_the_seed(string name, int keyLength)
    {
        var package = Assert.Single(await ReadAsync(name, PreSharedKey(keyLength)));
        Assert.Equal(("OR-1", PskcKeyKind.Totp), (package.SerialNumber, package.Kind));
        Assert.Equal(Seed20, package.Seed);
    }

    [Theory]
    [InlineData("kw-aes128.xml", 16)]
    [InlineData("kw-aes192.xml", 24)]
    [InlineData("kw-aes256.xml", 32)]
    public async Task RFC_3394_key_wrap_needs_no_MAC(string name, int keyLength) =>
        Assert.Equal(Seed32, Assert.Single(await ReadAsync(name, PreSharedKey(keyLength))).Seed);

    [Theory]
    [InlineData("pbkdf2-sha1-aes128.xml")]
    [InlineData("pbkdf2-sha256-aes256.xml")]
    public async Task PBKDF2_files_decrypt_with_the_password(string name) =>
        Assert.Equal(Seed20, Assert.Single(await ReadAsync(name, PskcDecryptionKey.Password(Password))).Seed);

    [Theory]
    [InlineData("rsa-oaep.xml")]
    [InlineData("rsa-1_5.xml")]
    public async Task RSA_files_decrypt_with_the_certificate_or_its_private_key(string name)
    {
        using var certificate = Certificate();
        Assert.Equal(Seed20, Assert.Single(await ReadAsync(name, PskcDecryptionKey.Certificate(certificate))).Seed);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(PathOf("oracle-rsa.key")));
        Assert.Equal(Seed20, Assert.Single(await ReadAsync(name, PskcDecryptionKey.PrivateKey(rsa))).Seed);
    }

    [Fact]
    public async Task Encrypted_parameters_are_checked_and_decrypted_like_the_secret()
    {
        var packages = await ReadAsync("encrypted-parameters.xml", PreSharedKey(16));
        Assert.Equal(2, packages.Count);
        Assert.Equal((PskcKeyKind.Totp, 60, 3), (packages[0].Kind, packages[0].TimeInterval!.Value, packages[0].TimeDrift!.Value));
        Assert.Equal((PskcKeyKind.Hotp, 42L, 1234567890L, 8), (packages[1].Kind, packages[1].Counter!.Value, packages[1].Time!.Value, packages[1].Digits!.Value));
        Assert.All(packages, p => Assert.Equal(Seed20, p.Seed));
    }

    [Fact]
    public async Task An_encrypted_parameter_with_an_altered_MAC_refuses_its_key_package()
    {
        var text = await File.ReadAllTextAsync(PathOf("encrypted-parameters.xml"));
        var interval = text.IndexOf("<pskc:TimeInterval>", StringComparison.Ordinal);
        var mac = text.IndexOf("<pskc:ValueMAC>", interval, StringComparison.Ordinal) + "<pskc:ValueMAC>".Length;
        var altered = text[..mac] + (text[mac] == 'A' ? 'B' : 'A') + text[(mac + 1)..];
        using var host = new TestHost();
        await using var stream = PskcDocuments.Stream(altered);
        var result = await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, PreSharedKey(16), TestHost.Operator, PskcImportPolicy.SkipUnsupported);
        Assert.Equal((MessageCode.PskcMacInvalid, 1, "OR-T"), (result.Error!.Code, result.KeyPackageNumber!.Value, result.KeyPackageName));
        Assert.Contains("TimeInterval", result.Detail, StringComparison.Ordinal);
        Assert.Empty(await host.Get<HardwareTokenInventory>().ListAsync(0, 10));
    }

    [Fact]
    public async Task An_encrypted_TimeInterval_and_Counter_reach_the_inventory()
    {
        using var host = new TestHost();
        await using var stream = File.OpenRead(PathOf("encrypted-parameters.xml"));
        var result = await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, PreSharedKey(16), TestHost.Operator, PskcImportPolicy.SkipUnsupported);
        Assert.True(result.Succeeded, result.ToString());
        var token = (await host.Get<HardwareTokenInventory>().FindAsync("OR-T"))!;
        Assert.Equal((60, 3), (token.PeriodSeconds, token.Drift));
        Assert.Equal(Seed20, host.Get<ISecretProtector>().Unprotect(token.ProtectedSeed, HardwareToken.SeedPurpose));
        Assert.Empty(result.Skipped);
        var hotp = (await host.Get<HardwareTokenInventory>().FindAsync("OR-H"))!;
        Assert.Equal((HardwareTokenKind.Hotp, 42L, 8), (hotp.Kind, hotp.Counter, hotp.Digits));
    }

    [Theory]
    [InlineData("aes128-cbc-hmac-sha1.xml")]
    [InlineData("camellia128-cbc-hmac-sha256.xml")]
    [InlineData("tripledes-cbc-hmac-sha1.xml")]
    public async Task A_wrong_pre_shared_key_is_a_MAC_failure(string name)
    {
        var length = name.StartsWith("tripledes", StringComparison.Ordinal) ? 24 : 16;
        var wrong = PskcDecryptionKey.PreSharedKey(RandomNumberGenerator.GetBytes(length));
        var e = await Assert.ThrowsAsync<PskcException>(() => ReadAsync(name, wrong));
        Assert.Equal(MessageCode.PskcMacInvalid, e.Code);
    }

    [Theory]
    [InlineData("kw-aes128.xml")]
    [InlineData("kw-aes128-pad.xml")]
    public async Task A_wrong_key_wrap_key_fails_its_integrity_check(string name)
    {
        var e = await Assert.ThrowsAsync<PskcException>(() => ReadAsync(name, PskcDecryptionKey.PreSharedKey(RandomNumberGenerator.GetBytes(16))));
        Assert.Equal((MessageCode.PskcMacInvalid, 1), (e.Code, e.KeyPackageNumber!.Value));
    }

    [Fact]
    public async Task A_wrong_password_is_a_MAC_failure() =>
        Assert.Equal(MessageCode.PskcMacInvalid, (await Assert.ThrowsAsync<PskcException>(() => ReadAsync("pbkdf2-sha256-aes256.xml", PskcDecryptionKey.Password("wrong")))).Code);

    [Fact]
    public async Task Another_private_key_is_refused_and_another_certificate_before_any_decryption()
    {
        using var other = RSA.Create(2048);
        Assert.Equal(MessageCode.PskcMacInvalid, (await Assert.ThrowsAsync<PskcException>(() => ReadAsync("rsa-oaep.xml", PskcDecryptionKey.PrivateKey(other)))).Code);
        var request = new CertificateRequest("CN=other", other, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var otherCertificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal(MessageCode.PskcPrivateKeyRequired, (await Assert.ThrowsAsync<PskcException>(() => ReadAsync("rsa-oaep.xml", PskcDecryptionKey.Certificate(otherCertificate)))).Code);
    }

    [Theory]
    [InlineData("rsa-oaep.xml", "None", MessageCode.PskcPrivateKeyRequired)]
    [InlineData("rsa-1_5.xml", "PreSharedKey", MessageCode.PskcPrivateKeyRequired)]
    [InlineData("rsa-oaep.xml", "Password", MessageCode.PskcPrivateKeyRequired)]
    [InlineData("pbkdf2-sha1-aes128.xml", "None", MessageCode.PskcPasswordRequired)]
    [InlineData("pbkdf2-sha1-aes128.xml", "PreSharedKey", MessageCode.PskcPasswordRequired)]
    [InlineData("pbkdf2-sha1-aes128.xml", "PrivateKey", MessageCode.PskcPasswordRequired)]
    [InlineData("aes128-cbc-hmac-sha1.xml", "None", MessageCode.PskcKeyRequired)]
    [InlineData("aes128-cbc-hmac-sha1.xml", "Password", MessageCode.PskcKeyRequired)]
    [InlineData("aes128-cbc-hmac-sha1.xml", "PrivateKey", MessageCode.PskcKeyRequired)]
    [InlineData("aes256-cbc-hmac-sha256.xml", "PreSharedKey", MessageCode.PskcKeyRequired)]
    public async Task A_key_of_the_wrong_kind_names_the_kind_the_file_needs(string name, string given, MessageCode expected)
    {
        using var rsa = RSA.Create(2048);
        var key = given switch
        {
            "PreSharedKey" => PreSharedKey(16),
            "Password" => PskcDecryptionKey.Password(Password),
            "PrivateKey" => PskcDecryptionKey.PrivateKey(rsa),
            _ => PskcDecryptionKey.None,
        };
        using var host = new TestHost();
        await using var stream = File.OpenRead(PathOf(name));
        var result = await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, key, TestHost.Operator);
        Assert.Equal(expected, result.Error!.Code);
        Assert.Null(result.KeyPackageNumber);
        Assert.Empty(await host.Get<HardwareTokenInventory>().ListAsync(0, 10));
    }
}
