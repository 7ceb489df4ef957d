using System.Security.Cryptography;
using BizWeb.Auth;

namespace BizWeb.Tokens.Tests;

/// <summary>All or nothing, or the supported keys with the skipped ones listed; and the preview, which stores nothing.</summary>
public sealed class PskcPolicyTests
{
    private static HardwareTokenInventory Inventory(TestHost host) => host.Get<HardwareTokenInventory>();

    [Fact]
    public async Task All_or_nothing_refuses_a_mixed_file_at_its_first_unsupported_key()
    {
        using var host = new TestHost();
        await using var stream = PskcDocuments.Stream(PskcDocuments.Mixed());
        var result = await Inventory(host).ImportPskcAsync(stream, PskcDecryptionKey.None, TestHost.Operator);
        Assert.Equal((MessageCode.PskcAlgorithmUnsupported, 5, "VENDOR-1"), (result.Error!.Code, result.KeyPackageNumber!.Value, result.KeyPackageName));
        Assert.Empty(result.Skipped);
        Assert.Empty(await Inventory(host).ListAsync(0, 10));
    }

    [Fact]
    public async Task Skip_unsupported_imports_HOTP_TOTP_and_both_OCRA_notations_and_lists_the_rest()
    {
        using var host = new TestHost();
        await using var stream = PskcDocuments.Stream(PskcDocuments.Mixed());
        var result = await Inventory(host).ImportPskcAsync(stream, PskcDecryptionKey.None, TestHost.Operator, PskcImportPolicy.SkipUnsupported);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(4, result.ImportedCount);
        Assert.Equal(
            [(5, "VENDOR-1", PskcKeyKind.Unknown, MessageCode.PskcAlgorithmUnsupported), (6, "TOTP-9", PskcKeyKind.Totp, MessageCode.PskcKeyPackageInvalid)],
            result.Skipped.Select(s => (s.Number, s.SerialNumber!, s.Kind, s.Error!.Code)));
        Assert.Contains("unsupported: key algorithm urn:example:vendor:proprietary", result.Skipped[0].Detail, StringComparison.Ordinal);
        Assert.Equal("Imported 4 tokens, skipped 2", result.ToString());
        var hotp = (await Inventory(host).FindAsync("HOTP-1"))!;
        Assert.Equal((HardwareTokenKind.Hotp, 7L, 6, OtpHashAlgorithm.Sha1), (hotp.Kind, hotp.Counter, hotp.Digits, hotp.Algorithm));
        Assert.Equal(HardwareTokenKind.Totp, (await Inventory(host).FindAsync("TOTP-1"))!.Kind);
        foreach (var serial in new[] { "OCRA-URI", "OCRA-SUITE" })
        {
            var token = (await Inventory(host).FindAsync(serial))!;
            Assert.Equal(("OCRA-1:HOTP-SHA256-8:QN08", OtpHashAlgorithm.Sha256, 8), (token.OcraSuite, token.Algorithm, token.Digits));
        }

        Assert.Equal(4, (await Inventory(host).ListAsync(0, 10)).Count);
    }

    [Fact]
    public async Task Skip_unsupported_with_nothing_importable_fails_with_the_shared_reason()
    {
        using var host = new TestHost();
        var document = PskcDocuments.Container(PskcDocuments.Package("V1", "urn:example:vendor:proprietary"), PskcDocuments.Package("V2", "urn:example:vendor:proprietary"));
        await using var stream = PskcDocuments.Stream(document);
        var result = await Inventory(host).ImportPskcAsync(stream, PskcDecryptionKey.None, TestHost.Operator, PskcImportPolicy.SkipUnsupported);
        Assert.False(result.Succeeded);
        Assert.Equal((MessageCode.PskcAlgorithmUnsupported, 0, 2), (result.Error!.Code, result.ImportedCount, result.Skipped.Count));

        var mixedReasons = PskcDocuments.Container(PskcDocuments.Package("V1", "urn:example:vendor:proprietary"), PskcDocuments.Package("S1", data: "<Secret><PlainValue>MTIzNA==</PlainValue></Secret>"));
        await using var second = PskcDocuments.Stream(mixedReasons);
        Assert.Equal(MessageCode.PskcNoImportableKey, (await Inventory(host).ImportPskcAsync(second, PskcDecryptionKey.None, TestHost.Operator, PskcImportPolicy.SkipUnsupported)).Error!.Code);
        Assert.Empty(await Inventory(host).ListAsync(0, 10));
    }

    [Fact]
    public async Task Skip_unsupported_still_refuses_the_whole_file_for_a_MAC_that_does_not_verify()
    {
        using var host = new TestHost();
        var builder = new PskcBuilder().Add("M1", RandomNumberGenerator.GetBytes(20)).Add("M2", RandomNumberGenerator.GetBytes(20), tamperMac: true).Add("M3", RandomNumberGenerator.GetBytes(20));
        await using var stream = builder.ToStream();
        var result = await Inventory(host).ImportPskcAsync(stream, builder.DecryptionKey, TestHost.Operator, PskcImportPolicy.SkipUnsupported);
        Assert.Equal((MessageCode.PskcMacInvalid, 2), (result.Error!.Code, result.KeyPackageNumber!.Value));
        Assert.Empty(await Inventory(host).ListAsync(0, 10));
    }

    [Fact]
    public async Task Skip_unsupported_still_refuses_a_serial_number_twice_in_the_file()
    {
        using var host = new TestHost();
        await using var stream = PskcDocuments.Stream(PskcDocuments.Container(PskcDocuments.Package("D1"), PskcDocuments.Package("D2"), PskcDocuments.Package("D1")));
        var result = await Inventory(host).ImportPskcAsync(stream, PskcDecryptionKey.None, TestHost.Operator, PskcImportPolicy.SkipUnsupported);
        Assert.Equal((MessageCode.PskcDuplicateSerialNumber, 3), (result.Error!.Code, result.KeyPackageNumber!.Value));
        Assert.Empty(await Inventory(host).ListAsync(0, 10));
    }

    [Fact]
    public async Task Skip_unsupported_skips_serial_numbers_in_the_inventory_and_adds_the_others_atomically()
    {
        using var host = new TestHost();
        await using (var first = PskcDocuments.Stream(PskcDocuments.Container(PskcDocuments.Package("A1"), PskcDocuments.Package("A2"))))
        {
            Assert.True((await Inventory(host).ImportPskcAsync(first, PskcDecryptionKey.None, TestHost.Operator)).Succeeded);
        }

        await using var again = PskcDocuments.Stream(PskcDocuments.Container(PskcDocuments.Package("A1"), PskcDocuments.Package("A3"), PskcDocuments.Package("A2")));
        var result = await Inventory(host).ImportPskcAsync(again, PskcDecryptionKey.None, TestHost.Operator, PskcImportPolicy.SkipUnsupported);
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(1, result.ImportedCount);
        Assert.Equal([(1, "A1"), (3, "A2")], result.Skipped.Select(s => (s.Number, s.SerialNumber!)));
        Assert.All(result.Skipped, s => Assert.Equal(MessageCode.PskcDuplicateSerialNumber, s.Error!.Code));
        Assert.Equal(3, (await Inventory(host).ListAsync(0, 10)).Count);

        await using var onlyKnown = PskcDocuments.Stream(PskcDocuments.Container(PskcDocuments.Package("A1")));
        Assert.Equal(MessageCode.PskcDuplicateSerialNumber, (await Inventory(host).ImportPskcAsync(onlyKnown, PskcDecryptionKey.None, TestHost.Operator, PskcImportPolicy.SkipUnsupported)).Error!.Code);
    }

    [Fact]
    public async Task Preview_lists_every_key_package_and_stores_nothing()
    {
        using var host = new TestHost();
        await using (var known = PskcDocuments.Stream(PskcDocuments.Container(PskcDocuments.Package("TOTP-1"))))
        {
            Assert.True((await Inventory(host).ImportPskcAsync(known, PskcDecryptionKey.None, TestHost.Operator)).Succeeded);
        }

        await using var stream = PskcDocuments.Stream(PskcDocuments.Mixed());
        var preview = await Inventory(host).PreviewPskcAsync(stream, PskcDecryptionKey.None, TestHost.Operator);

        Assert.True(preview.Succeeded, preview.ToString());
        Assert.Equal(
            [
                ("HOTP-1", PskcKeyKind.Hotp, (MessageCode?)null),
                ("TOTP-1", PskcKeyKind.Totp, MessageCode.PskcDuplicateSerialNumber),
                ("OCRA-URI", PskcKeyKind.Ocra, null),
                ("OCRA-SUITE", PskcKeyKind.Ocra, null),
                ("VENDOR-1", PskcKeyKind.Unknown, MessageCode.PskcAlgorithmUnsupported),
                ("TOTP-9", PskcKeyKind.Totp, MessageCode.PskcKeyPackageInvalid),
            ],
            preview.KeyPackages.Select(p => (p.SerialNumber!, p.Kind, p.Error?.Code)));
        Assert.Equal([1, 2, 3, 4, 5, 6], preview.KeyPackages.Select(p => p.Number));
        Assert.Equal(3, preview.ImportableCount);
        Assert.Equal("urn:ietf:params:xml:ns:keyprov:pskc#OCRA-1:HOTP-SHA256-8:QN08", preview.KeyPackages[2].Algorithm);
        Assert.Equal("Acme", preview.KeyPackages[2].Manufacturer);
        Assert.Single(await Inventory(host).ListAsync(0, 10));
    }

    [Fact]
    public async Task Preview_lists_a_tampered_package_and_reports_file_problems()
    {
        using var host = new TestHost();
        var builder = new PskcBuilder().Add("M1", RandomNumberGenerator.GetBytes(20)).Add("M2", RandomNumberGenerator.GetBytes(20), tamperMac: true);
        await using (var stream = builder.ToStream())
        {
            var preview = await Inventory(host).PreviewPskcAsync(stream, builder.DecryptionKey, TestHost.Operator);
            Assert.Equal([null, MessageCode.PskcMacInvalid], preview.KeyPackages.Select(p => p.Error?.Code));
        }

        await using (var stream = builder.ToStream())
        {
            var preview = await Inventory(host).PreviewPskcAsync(stream, PskcDecryptionKey.None, TestHost.Operator);
            Assert.Equal(MessageCode.PskcKeyRequired, preview.Error!.Code);
        }

        await using (var stream = PskcDocuments.Stream(PskcDocuments.Container()))
        {
            Assert.Equal(MessageCode.PskcNoImportableKey, (await Inventory(host).PreviewPskcAsync(stream, PskcDecryptionKey.None, TestHost.Operator)).Error!.Code);
        }

        Assert.Empty(await Inventory(host).ListAsync(0, 10));
    }

    [Fact]
    public async Task The_seed_purpose_is_the_one_the_inventory_encrypts_with()
    {
        using var host = new TestHost();
        await using var stream = PskcDocuments.Stream(PskcDocuments.Container(PskcDocuments.Package("P1")));
        Assert.True((await Inventory(host).ImportPskcAsync(stream, PskcDecryptionKey.None, TestHost.Operator)).Succeeded);
        Assert.Equal(Rfc.Key20, host.Get<ISecretProtector>().Unprotect((await Inventory(host).FindAsync("P1"))!.ProtectedSeed, HardwareToken.SeedPurpose));
    }
}
