using System.Security.Cryptography;
using System.Text;
using BizWeb.Auth;

namespace BizWeb.Tokens.Tests;

/// <summary>RFC 6030 import: the RFC's example documents, tampered and hostile files, all or nothing, 10,000 tokens streamed.</summary>
public sealed class PskcImportTests
{
    private static FileStream File(string name) => System.IO.File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Pskc", name));

    private static async Task<List<PskcKeyPackage>> ReadAsync(string name, PskcDecryptionKey key)
    {
        var packages = new List<PskcKeyPackage>();
        await using var stream = File(name);
        await PskcReader.ReadAsync(stream, key, packages.Add, default);
        return packages;
    }

    [Fact]
    public async Task Figure_2_plain_value_is_read()
    {
        var package = Assert.Single(await ReadAsync("rfc6030-figure2.xml", PskcDecryptionKey.None));
        Assert.Equal("12345678", package.SerialNumber);
        Assert.Equal("urn:ietf:params:xml:ns:keyprov:pskc:hotp", package.Algorithm);
        Assert.Equal("1234"u8.ToArray(), package.Seed);
    }

    [Fact]
    public async Task Figure_6_pre_shared_key_MAC_verifies_and_the_seed_decrypts()
    {
        var key = PskcDecryptionKey.PreSharedKey(Convert.FromHexString("12345678901234567890123456789012"));
        var package = Assert.Single(await ReadAsync("rfc6030-figure6.xml", key));
        Assert.Equal("987654321", package.SerialNumber);
        Assert.Equal("Manufacturer", package.Manufacturer);
        Assert.Equal(8, package.Digits);
        Assert.Equal(Rfc.Key20, package.Seed);
    }

    [Fact]
    public async Task Figure_7_PBKDF2_derived_key_MAC_verifies_and_the_seed_decrypts()
    {
        var package = Assert.Single(await ReadAsync("rfc6030-figure7.xml", PskcDecryptionKey.Password("qwerty")));
        Assert.Equal("987654321", package.SerialNumber);
        Assert.Equal(Rfc.Key20, package.Seed);
    }

    [Theory]
    [InlineData("rfc6030-figure6.xml", MessageCode.PskcKeyRequired)]
    [InlineData("rfc6030-figure7.xml", MessageCode.PskcPasswordRequired)]
    [InlineData("tampered-mac.xml", MessageCode.PskcKeyRequired)]
    [InlineData("xxe.xml", MessageCode.PskcMalformed)]
    [InlineData("billion-laughs.xml", MessageCode.PskcMalformed)]
    [InlineData("malformed.xml", MessageCode.PskcMalformed)]
    public async Task Files_that_cannot_be_imported_without_a_key_or_at_all_import_nothing(string name, MessageCode expected)
    {
        using var host = new TestHost();
        await using var stream = File(name);
        var result = await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, PskcDecryptionKey.None, TestHost.Operator);
        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Error!.Code);
        Assert.Empty(await host.Get<HardwareTokenInventory>().ListAsync(0, 10));
    }

    [Fact]
    public async Task A_tampered_MAC_fails_naming_the_key_package_and_never_the_seed()
    {
        using var host = new TestHost();
        await using var stream = File("tampered-mac.xml");
        var result = await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, PskcDecryptionKey.PreSharedKey(Convert.FromHexString("12345678901234567890123456789012")), TestHost.Operator);
        Assert.Equal(MessageCode.PskcMacInvalid, result.Error!.Code);
        Assert.Equal(1, result.KeyPackageNumber);
        Assert.Equal("987654321", result.KeyPackageName);
        Assert.Contains("key package #1 (987654321)", result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("3132333435", result.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("MTIzNDU2", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_for_figure_7_fails_as_a_MAC_failure()
    {
        using var host = new TestHost();
        await using var stream = File("rfc6030-figure7.xml");
        var result = await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, PskcDecryptionKey.Password("not-qwerty"), TestHost.Operator);
        Assert.Equal(MessageCode.PskcMacInvalid, result.Error!.Code);
    }

    [Fact]
    public async Task XXE_is_refused_before_any_entity_is_resolved()
    {
        using var host = new TestHost();
        await using var stream = File("xxe.xml");
        var result = await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, PskcDecryptionKey.None, TestHost.Operator);
        Assert.Equal(MessageCode.PskcMalformed, result.Error!.Code);
        Assert.DoesNotContain("root:", result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("passwd", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RFC_figure_6_HOTP_key_imports_as_an_HOTP_token_that_shows_the_RFC_4226_codes()
    {
        using var host = new TestHost();
        await using var stream = File("rfc6030-figure6.xml");
        var inventory = host.Get<HardwareTokenInventory>();
        var result = await inventory.ImportPskcAsync(stream, PskcDecryptionKey.PreSharedKey(Convert.FromHexString("12345678901234567890123456789012")), TestHost.Operator);
        Assert.True(result.Succeeded, result.ToString());
        var token = (await inventory.FindAsync("987654321"))!;
        Assert.Equal((HardwareTokenKind.Hotp, 0L, 8, OtpHashAlgorithm.Sha1), (token.Kind, token.Counter, token.Digits, token.Algorithm));

        // RFC 6030's figures carry RFC 4226's Appendix D secret: its code for counter 0, in 8 digits, is accepted.
        var seed = host.Get<ISecretProtector>().Unprotect(token.ProtectedSeed, "BizWeb.Tokens.Seed");
        Assert.Equal(Rfc.Key20, seed);
        Assert.True(HotpVerifier.TryMatch(seed, "84755224", OtpHashAlgorithm.Sha1, 8, token.Counter, 0, out var counter));
        Assert.Equal(0L, counter);
    }

    [Fact]
    public async Task Plain_TOTP_tokens_import_with_their_parameters_and_encrypted_seeds()
    {
        using var host = new TestHost();
        var inventory = host.Get<HardwareTokenInventory>();
        await using var stream = File("totp-plain.xml");
        var result = await inventory.ImportPskcAsync(stream, PskcDecryptionKey.None, TestHost.Operator);
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(2, result.ImportedCount);

        var first = (await inventory.FindAsync("TOTP-0001"))!;
        Assert.Equal((OtpHashAlgorithm.Sha1, 6, 30, 0, HardwareTokenStatus.InStock), (first.Algorithm, first.Digits, first.PeriodSeconds, first.Drift, first.Status));
        var second = (await inventory.FindAsync("TOTP-0002"))!;
        Assert.Equal((OtpHashAlgorithm.Sha256, 8, 60, 2), (second.Algorithm, second.Digits, second.PeriodSeconds, second.Drift));
        Assert.NotEqual(Rfc.Key20, first.ProtectedSeed);
        Assert.Equal(Rfc.Key20, host.Get<ISecretProtector>().Unprotect(first.ProtectedSeed, "BizWeb.Tokens.Seed"));
    }

    [Fact]
    public async Task Ten_thousand_encrypted_tokens_stream_in_with_progress()
    {
        using var host = new TestHost();
        var builder = new PskcBuilder();
        var seeds = new Dictionary<string, byte[]>();
        for (var i = 0; i < 10_000; i++)
        {
            var serial = $"SN{i:D6}";
            seeds[serial] = RandomNumberGenerator.GetBytes(20);
            builder.Add(serial, seeds[serial]);
        }

        var reports = new List<int>();
        await using var stream = builder.ToStream();
        var result = await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, builder.DecryptionKey, TestHost.Operator, new SynchronousProgress(reports));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(10_000, result.ImportedCount);
        Assert.Equal(101, reports.Count);
        Assert.Equal(reports.Order(), reports);
        Assert.Equal(10_000, reports[^1]);
        var sample = (await host.Get<HardwareTokenInventory>().FindAsync("SN004242"))!;
        Assert.Equal(seeds["SN004242"], host.Get<ISecretProtector>().Unprotect(sample.ProtectedSeed, "BizWeb.Tokens.Seed"));
    }

    [Fact]
    public async Task One_bad_key_package_imports_nothing_from_the_file()
    {
        using var host = new TestHost();
        var builder = new PskcBuilder();
        for (var i = 1; i <= 50; i++)
        {
            builder.Add($"SN{i:D3}", RandomNumberGenerator.GetBytes(20), tamperMac: i == 37);
        }

        await using var stream = builder.ToStream();
        var result = await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, builder.DecryptionKey, TestHost.Operator);

        Assert.Equal(MessageCode.PskcMacInvalid, result.Error!.Code);
        Assert.Equal(37, result.KeyPackageNumber);
        Assert.Equal("SN037", result.KeyPackageName);
        Assert.Equal(0, result.ImportedCount);
        Assert.Empty(await host.Get<HardwareTokenInventory>().ListAsync(0, 100));
    }

    [Fact]
    public async Task Duplicate_serial_numbers_in_the_file_or_the_inventory_import_nothing()
    {
        using var host = new TestHost();
        var inventory = host.Get<HardwareTokenInventory>();
        var builder = new PskcBuilder().Add("A1", RandomNumberGenerator.GetBytes(20)).Add("A2", RandomNumberGenerator.GetBytes(20)).Add("A1", RandomNumberGenerator.GetBytes(20));
        await using (var stream = builder.ToStream())
        {
            var result = await inventory.ImportPskcAsync(stream, builder.DecryptionKey, TestHost.Operator);
            Assert.Equal((MessageCode.PskcDuplicateSerialNumber, 3), (result.Error!.Code, result.KeyPackageNumber!.Value));
        }

        await using (var stream = File("totp-plain.xml"))
        {
            Assert.True((await inventory.ImportPskcAsync(stream, PskcDecryptionKey.None, TestHost.Operator)).Succeeded);
        }

        var again = new PskcBuilder().Add("NEW-1", RandomNumberGenerator.GetBytes(20)).Add("TOTP-0002", RandomNumberGenerator.GetBytes(20));
        await using (var stream = again.ToStream())
        {
            var result = await inventory.ImportPskcAsync(stream, again.DecryptionKey, TestHost.Operator);
            Assert.Equal((MessageCode.PskcDuplicateSerialNumber, "TOTP-0002"), (result.Error!.Code, result.KeyPackageName));
        }

        Assert.Null(await inventory.FindAsync("NEW-1"));
        Assert.Equal(2, (await inventory.ListAsync(0, 100)).Count);
    }

    [Theory]
    [InlineData("urn:ietf:params:xml:ns:keyprov:pskc:pin", "HMAC-SHA1", 6)]
    [InlineData("urn:example:unknown", "HMAC-SHA1", 6)]
    [InlineData("urn:ietf:params:xml:ns:keyprov:pskc:totp", "HMAC-MD5", 6)]
    [InlineData("urn:ietf:params:xml:ns:keyprov:pskc#OCRA-1:HOTP-SHA1-6:C-QN08", "", 6)]
    public async Task Unknown_algorithms_are_refused(string algorithm, string suite, int digits)
    {
        using var host = new TestHost();
        var builder = new PskcBuilder().Add("U1", RandomNumberGenerator.GetBytes(20), algorithm: algorithm, suite: suite, digits: digits);
        await using var stream = builder.ToStream();
        var result = await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, builder.DecryptionKey, TestHost.Operator);
        Assert.Equal((MessageCode.PskcAlgorithmUnsupported, 1, "U1"), (result.Error!.Code, result.KeyPackageNumber!.Value, result.KeyPackageName));
    }

    [Fact]
    public async Task OCRA_tokens_import_with_their_suite()
    {
        using var host = new TestHost();
        var builder = new PskcBuilder().Add("O1", Rfc.Key32, algorithm: "urn:ietf:params:xml:ns:keyprov:pskc#OCRA-1:HOTP-SHA256-8:QN08", suite: "", digits: 8);
        await using var stream = builder.ToStream();
        Assert.True((await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, builder.DecryptionKey, TestHost.Operator)).Succeeded);
        var token = (await host.Get<HardwareTokenInventory>().FindAsync("O1"))!;
        Assert.Equal(("OCRA-1:HOTP-SHA256-8:QN08", OtpHashAlgorithm.Sha256, 8), (token.OcraSuite, token.Algorithm, token.Digits));
    }

    [Fact]
    public async Task Figure_3_supplementary_data_HOTP_is_read()
    {
        var package = Assert.Single(await ReadAsync("rfc6030-figure3.xml", PskcDecryptionKey.None));
        Assert.Equal(("987654321", PskcKeyKind.Hotp, 8, 0L), (package.SerialNumber, package.Kind, package.Digits!.Value, package.Counter!.Value));
        Assert.Equal(Rfc.Key20, package.Seed);
    }

    [Fact]
    public async Task Figure_8_needs_the_certificates_private_key()
    {
        using var host = new TestHost();
        foreach (var key in new[] { PskcDecryptionKey.None, PskcDecryptionKey.Password("qwerty"), PskcDecryptionKey.PreSharedKey(new byte[16]) })
        {
            await using var stream = File("rfc6030-figure8.xml");
            var result = await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, key, TestHost.Operator);
            Assert.Equal(MessageCode.PskcPrivateKeyRequired, result.Error!.Code);
            Assert.Contains("ds:X509Data", result.Detail, StringComparison.Ordinal);
        }

        using var other = RSA.Create(1024);
        var wrong = await Assert.ThrowsAsync<PskcException>(() => ReadAsync("rfc6030-figure8.xml", PskcDecryptionKey.PrivateKey(other)));
        Assert.Equal((MessageCode.PskcMacInvalid, 1), (wrong.Code, wrong.KeyPackageNumber!.Value));
    }

    [Fact]
    public async Task Figure_10_bulk_HOTP_packages_are_read_and_previewed()
    {
        var packages = await ReadAsync("rfc6030-figure10.xml", PskcDecryptionKey.None);
        Assert.Equal(["654321", "123456", "9999999", "9999999"], packages.Select(p => p.SerialNumber));
        Assert.All(packages, p => Assert.Equal((PskcKeyKind.Hotp, 8, 0L), (p.Kind, p.Digits!.Value, p.Counter!.Value)));

        using var host = new TestHost();
        await using var stream = File("rfc6030-figure10.xml");
        var preview = await host.Get<HardwareTokenInventory>().PreviewPskcAsync(stream, PskcDecryptionKey.None, TestHost.Operator);
        Assert.True(preview.Succeeded, preview.ToString());
        Assert.Equal(
            [(PskcKeyKind.Hotp, (MessageCode?)null), (PskcKeyKind.Hotp, null), (PskcKeyKind.Hotp, null), (PskcKeyKind.Hotp, MessageCode.PskcDuplicateSerialNumber)],
            preview.KeyPackages.Select(p => (p.Kind, p.Error?.Code)));
    }

    [Fact]
    public async Task A_draft_layout_file_is_a_failure_and_never_an_empty_success()
    {
        using var host = new TestHost();
        foreach (var policy in new[] { PskcImportPolicy.AllOrNothing, PskcImportPolicy.SkipUnsupported })
        {
            await using var stream = File("draft-ietf-keyprov-pskc-02-figure2.xml");
            var result = await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, PskcDecryptionKey.PreSharedKey(new byte[16]), TestHost.Operator, policy);
            Assert.False(result.Succeeded);
            Assert.Equal(MessageCode.PskcDraftLayout, result.Error!.Code);
        }
    }

    [Fact]
    public void Decryption_keys_never_show_their_secret() =>
        Assert.Equal("Password", PskcDecryptionKey.Password("qwerty").ToString());

    private sealed class SynchronousProgress(List<int> reports) : IProgress<int>
    {
        public void Report(int value) => reports.Add(value);
    }
}
