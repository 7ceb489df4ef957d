using System.Text.RegularExpressions;
using BizWeb.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Pins;

public sealed partial class PhcPinHasherTests
{
    private static readonly PhcPinHasher Cheap = new(TestPinHashing.CheapArgon2id());
    private static readonly PhcPinHasher CheapPbkdf2 = new(TestPinHashing.CheapPbkdf2());

    [GeneratedRegex(@"^\$argon2id\$v=19\$m=19456,t=2,p=1\$(?<salt>[A-Za-z0-9+/]{22})\$(?<hash>[A-Za-z0-9+/]{43})$")]
    private static partial Regex OwaspArgon2id();

    [GeneratedRegex(@"^\$pbkdf2-sha256\$i=600000\$(?<salt>[A-Za-z0-9+/]{22})\$(?<hash>[A-Za-z0-9+/]{43})$")]
    private static partial Regex OwaspPbkdf2();

    [Fact]
    public void Default_is_argon2id_m19MiB_t2_p1_with_16_byte_salt_and_32_byte_hash_in_a_PHC_string()
    {
        var hasher = new PhcPinHasher(new PinHashingOptions());

        var phc = hasher.HashPin("abc123");

        Assert.Matches(OwaspArgon2id(), phc); // 22 Base64 chars = 16 bytes, 43 = 32 bytes
        Assert.Equal(PinVerificationResult.Succeeded, hasher.VerifyPin("abc123", phc));
        Assert.Equal(PinVerificationResult.Failed, hasher.VerifyPin("abc124", phc));
    }

    [Fact]
    public void Pbkdf2_option_is_sha256_with_600000_iterations()
    {
        var hasher = new PhcPinHasher(new PinHashingOptions { Algorithm = PinHashAlgorithm.Pbkdf2Sha256 });

        var phc = hasher.HashPin("abc123");

        Assert.Matches(OwaspPbkdf2(), phc);
        Assert.Equal(PinVerificationResult.Succeeded, hasher.VerifyPin("abc123", phc));
        Assert.Equal(PinVerificationResult.Failed, hasher.VerifyPin("ABC123", phc));
    }

    // Known answers from independent implementations: the Argon2 reference implementation's CLI
    // (Debian package argon2, `echo -n PIN | argon2 SALT -id -t T -k M -p P -l L -e`) and Python's
    // hashlib.pbkdf2_hmac. The first is the reference implementation README's example.
    [Theory]
    [InlineData("password", "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")]
    [InlineData("4821", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$x3xQ5Ex15iwuveP+rsV2OHzehIbKvYVpwQLvDo40iGs")]
    [InlineData("abc123", "$argon2id$v=19$m=64,t=1,p=1$Qml6V2ViVGVzdFNhbHQwMQ$wMPEiLsD9JtiWXn0I3Qr2RjyUWwcAT3LJuS/LDEwdw4")]
    [InlineData("abc123", "$argon2id$v=19$m=64,t=1,p=1$Qml6V2ViVGVzdFNhbHQwMQ$a1DHqq+jg5TU7l6SWCCQcw")]
    [InlineData("abc123", "$pbkdf2-sha256$i=1000$Qml6V2ViVGVzdFNhbHQwMQ$TRb6721oo55cimkYspZgwVhosNuCAL/qPjwTDl27FTc")]
    [InlineData("4821", "$pbkdf2-sha256$i=600000$c2FsdHNhbHRzYWx0c2FsdA$EjtKjHrIO1Nd6jIqDWksG+2kg/u4Ap5e3uQejL5N7lk")]
    public void Hashes_from_independent_implementations_verify(string pin, string phc)
    {
        Assert.NotEqual(PinVerificationResult.Failed, Cheap.VerifyPin(pin, phc));
        Assert.Equal(PinVerificationResult.Failed, Cheap.VerifyPin(pin + "0", phc));
    }

    [Fact]
    public void A_hash_this_hasher_made_reparses_to_the_same_string()
    {
        var phc = Cheap.HashPin("abc123");

        Assert.Equal(phc, PhcPinHash.Parse(phc).ToString());
    }

    [Fact]
    public void Equal_pins_get_different_salts_and_hashes()
    {
        var first = PhcPinHash.Parse(Cheap.HashPin("abc123"));
        var second = PhcPinHash.Parse(Cheap.HashPin("abc123"));

        Assert.NotEqual(first.Salt, second.Salt);
        Assert.NotEqual(first.Hash, second.Hash);
        Assert.Equal(16, first.Salt.Length);
    }

    [Property(MaxTest = 100)]
    public Property Verify_of_its_own_hash_holds_and_any_other_pin_fails() =>
        Prop.ForAll(
            Arb.From(UntrustedText.Of(UntrustedText.Alphanumerics, 1, 12)),
            Arb.From(UntrustedText.AnyText.Where(s => s is not null).Select(s => s!)),
            Arb.From(Gen.Elements(Cheap, CheapPbkdf2)),
            (pin, other, hasher) =>
            {
                var phc = hasher.HashPin(pin);
                var same = hasher.VerifyPin(pin, phc) == PinVerificationResult.Succeeded;
                var differs = other == pin || hasher.VerifyPin(other, phc) == PinVerificationResult.Failed;
                return same && differs;
            });

    [Fact]
    public void Raising_any_configured_cost_asks_for_a_rehash_and_the_old_hash_still_verifies()
    {
        var old = Cheap.HashPin("abc123");

        Assert.Equal(PinVerificationResult.SucceededRehashNeeded,
            new PhcPinHasher(new PinHashingOptions { Argon2MemoryKiB = 128, Argon2Iterations = 1 }).VerifyPin("abc123", old));
        Assert.Equal(PinVerificationResult.SucceededRehashNeeded,
            new PhcPinHasher(new PinHashingOptions { Argon2MemoryKiB = 64, Argon2Iterations = 2 }).VerifyPin("abc123", old));
        Assert.Equal(PinVerificationResult.SucceededRehashNeeded,
            new PhcPinHasher(new PinHashingOptions { Argon2MemoryKiB = 64, Argon2Iterations = 1, Argon2Parallelism = 2 }).VerifyPin("abc123", old));
        Assert.Equal(PinVerificationResult.Failed,
            new PhcPinHasher(new PinHashingOptions { Argon2MemoryKiB = 128, Argon2Iterations = 1 }).VerifyPin("abc124", old));
    }

    [Fact]
    public void Hashes_with_stronger_parameters_than_configured_need_no_rehash()
    {
        var strong = new PhcPinHasher(new PinHashingOptions { Argon2MemoryKiB = 256, Argon2Iterations = 2 }).HashPin("abc123");

        Assert.Equal(PinVerificationResult.Succeeded, Cheap.VerifyPin("abc123", strong));
    }

    [Fact]
    public void Switching_algorithm_keeps_old_hashes_verifying_and_asks_for_a_rehash()
    {
        var pbkdf2 = CheapPbkdf2.HashPin("abc123");
        var argon2 = Cheap.HashPin("abc123");

        Assert.Equal(PinVerificationResult.SucceededRehashNeeded, Cheap.VerifyPin("abc123", pbkdf2));
        Assert.Equal(PinVerificationResult.SucceededRehashNeeded, CheapPbkdf2.VerifyPin("abc123", argon2));
    }

    [Fact]
    public void No_such_principal_fails_against_a_dummy_hash_with_the_configured_cost()
    {
        var hasher = new PhcPinHasher(TestPinHashing.CheapArgon2id());

        Assert.Equal(PinVerificationResult.Failed, hasher.VerifyPin("abc123", null));
        Assert.Equal(PinVerificationResult.Failed, hasher.VerifyPin(string.Empty, null));
        Assert.Equal(PinHashParameters.FromOptions(TestPinHashing.CheapArgon2id()), hasher.DummyHash.Parameters);
        Assert.Equal(PhcPinHash.SaltLength, hasher.DummyHash.Salt.Length);
        Assert.Equal(PhcPinHash.HashLength, hasher.DummyHash.Hash.Length);
    }

    [Fact]
    public void A_tampered_hash_never_matches()
    {
        var phc = Cheap.HashPin("abc123");
        var tampered = phc[..^2] + (phc[^2] == 'A' ? 'B' : 'A') + phc[^1];

        Assert.Equal(PinVerificationResult.Failed, Cheap.VerifyPin("abc123", tampered));
    }

    [Theory]
    [InlineData("")]
    [InlineData("argon2id$v=19$m=64,t=1,p=1$Qml6V2ViVGVzdFNhbHQwMQ$wMPEiLsD9JtiWXn0I3Qr2RjyUWwcAT3LJuS/LDEwdw4")] // no leading $
    [InlineData("$argon2id$v=19$m=64,t=1,p=1$Qml6V2ViVGVzdFNhbHQwMQ")] // truncated: no hash
    [InlineData("$argon2id$v=19$m=64,t=1,p=1$Qml6V2ViVGVzdFNhbHQwMQ$wMPEiLsD9JtiWXn0I3Q")] // hash cut to 14 bytes
    [InlineData("$argon2i$v=19$m=64,t=1,p=1$Qml6V2ViVGVzdFNhbHQwMQ$wMPEiLsD9JtiWXn0I3Qr2RjyUWwcAT3LJuS/LDEwdw4")] // other algorithm
    [InlineData("$argon2id$v=16$m=64,t=1,p=1$Qml6V2ViVGVzdFNhbHQwMQ$wMPEiLsD9JtiWXn0I3Qr2RjyUWwcAT3LJuS/LDEwdw4")] // old version
    [InlineData("$argon2id$v=19$t=1,m=64,p=1$Qml6V2ViVGVzdFNhbHQwMQ$wMPEiLsD9JtiWXn0I3Qr2RjyUWwcAT3LJuS/LDEwdw4")] // parameter order
    [InlineData("$argon2id$v=19$m=064,t=1,p=1$Qml6V2ViVGVzdFNhbHQwMQ$wMPEiLsD9JtiWXn0I3Qr2RjyUWwcAT3LJuS/LDEwdw4")] // leading zero
    [InlineData("$argon2id$v=19$m=99999999,t=1,p=1$Qml6V2ViVGVzdFNhbHQwMQ$wMPEiLsD9JtiWXn0I3Qr2RjyUWwcAT3LJuS/LDEwdw4")] // memory bomb
    [InlineData("$argon2id$v=19$m=64,t=1,p=1$c29tZQ$wMPEiLsD9JtiWXn0I3Qr2RjyUWwcAT3LJuS/LDEwdw4")] // 4-byte salt
    [InlineData("$argon2id$v=19$m=64,t=1,p=1$Qml6V2ViVGVzdFNhbHQwMQ==$wMPEiLsD9JtiWXn0I3Qr2RjyUWwcAT3LJuS/LDEwdw4")] // padding
    [InlineData("$argon2id$v=19$m=64,t=1,p=1$Qml6V2ViVGVzdFNhbHQwMR$wMPEiLsD9JtiWXn0I3Qr2RjyUWwcAT3LJuS/LDEwdw4")] // non-canonical trailing bits
    [InlineData("$argon2id$v=19$m=64,t=1,p=1$Qml6V2ViVGVz*FNhbHQwMQ$wMPEiLsD9JtiWXn0I3Qr2RjyUWwcAT3LJuS/LDEwdw4")] // bad character
    [InlineData("$pbkdf2-sha256$i=0$Qml6V2ViVGVzdFNhbHQwMQ$TRb6721oo55cimkYspZgwVhosNuCAL/qPjwTDl27FTc")] // zero iterations
    [InlineData("$pbkdf2-sha256$i=1000$Qml6V2ViVGVzdFNhbHQwMQ")] // truncated
    [InlineData("$pbkdf2-sha256$i=1000$Qml6V2ViVGVzdFNhbHQwMQ$TRb6721oo55cimkYspZgwVhosNuCAL/qPjwTDl27FTc$extra")]
    [InlineData("1234")] // a clear-text PIN where a hash should be
    public void Malformed_or_truncated_hashes_are_an_infrastructure_error_never_a_match(string stored)
    {
        var ex = Assert.Throws<FormatException>(() => Cheap.VerifyPin("abc123", stored));

        Assert.StartsWith("The stored PIN hash is not a valid PHC string", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Qml6V2ViVGVzdFNhbHQwMQ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wMPEiLsD9", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", ex.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 2000)]
    public Property Parsing_any_text_either_succeeds_or_throws_FormatException() =>
        Prop.ForAll(Arb.From(UntrustedText.AnyText.Where(s => s is not null).Select(s => "$" + s)), stored =>
        {
            try
            {
                _ = PhcPinHash.Parse(stored!);
                return true;
            }
            catch (FormatException)
            {
                return true;
            }
        });

    [Fact]
    public void Out_of_range_options_are_refused_with_every_problem_listed()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PhcPinHasher(new PinHashingOptions
        {
            Argon2MemoryKiB = 4,
            Argon2Iterations = 0,
            Pbkdf2Iterations = -1,
        }));

        Assert.Contains("Argon2MemoryKiB", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Argon2Iterations", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Pbkdf2Iterations", ex.Message, StringComparison.Ordinal);
    }
}
