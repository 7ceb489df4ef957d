using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Tokens.Tests;

/// <summary>HOTP verification with a counter and a look-ahead window: RFC 4226 Appendix D, and Otp.NET as the reference.</summary>
public sealed class HotpVerifierTests
{
    /// <summary>RFC 4226 Appendix D: the codes of counters 0–9 for the key "12345678901234567890".</summary>
    private static readonly string[] Rfc4226 = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];

    private static readonly Gen<(byte[] Key, long Counter, int Digits, OtpHashAlgorithm Algorithm, int Ahead)> Inputs =
        from length in Gen.Choose(16, 64)
        from key in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length)
        from counter in Gen.Choose(0, int.MaxValue).Select(c => (long)c * 7)
        from digits in Gen.Elements(6, 7, 8)
        from algorithm in Gen.Elements(OtpHashAlgorithm.Sha1, OtpHashAlgorithm.Sha256, OtpHashAlgorithm.Sha512)
        from ahead in Gen.Choose(0, 20)
        select (key, counter, digits, algorithm, ahead);

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(9)]
    public void RFC_4226_codes_match_their_counter_within_the_look_ahead(int counter)
    {
        Assert.True(HotpVerifier.TryMatch(Rfc.Key20, Rfc4226[counter], OtpHashAlgorithm.Sha1, 6, 0, 9, out var matched));
        Assert.Equal(counter, matched);
        Assert.True(HotpVerifier.TryMatch(Rfc.Key20, Rfc4226[counter], OtpHashAlgorithm.Sha1, 6, counter, 0, out matched));
        Assert.Equal(counter, matched);
    }

    [Fact]
    public void Codes_before_the_counter_or_beyond_the_look_ahead_do_not_match()
    {
        Assert.False(HotpVerifier.TryMatch(Rfc.Key20, Rfc4226[3], OtpHashAlgorithm.Sha1, 6, 4, 5, out var matched));
        Assert.Equal(0, matched);
        Assert.False(HotpVerifier.TryMatch(Rfc.Key20, Rfc4226[9], OtpHashAlgorithm.Sha1, 6, 0, 8, out _));
    }

    [Theory]
    [InlineData("75522")]
    [InlineData("7552240")]
    [InlineData("75522a")]
    [InlineData("７５５２２４")]
    [InlineData(" 55224")]
    public void Malformed_codes_never_match(string code) =>
        Assert.False(HotpVerifier.TryMatch(Rfc.Key20, code, OtpHashAlgorithm.Sha1, 6, 0, 9, out _));

    [Fact]
    public void Two_consecutive_codes_resynchronise_and_others_do_not()
    {
        Assert.True(HotpVerifier.TryMatchConsecutive(Rfc.Key20, Rfc4226[5], Rfc4226[6], OtpHashAlgorithm.Sha1, 6, 0, 5, out var matched));
        Assert.Equal(6, matched);
        Assert.False(HotpVerifier.TryMatchConsecutive(Rfc.Key20, Rfc4226[5], Rfc4226[7], OtpHashAlgorithm.Sha1, 6, 0, 9, out _));
        Assert.False(HotpVerifier.TryMatchConsecutive(Rfc.Key20, Rfc4226[6], Rfc4226[5], OtpHashAlgorithm.Sha1, 6, 0, 9, out _));
        Assert.False(HotpVerifier.TryMatchConsecutive(Rfc.Key20, Rfc4226[5], Rfc4226[6], OtpHashAlgorithm.Sha1, 6, 0, 4, out _));
        Assert.False(HotpVerifier.TryMatchConsecutive(Rfc.Key20, Rfc4226[5], Rfc4226[6], OtpHashAlgorithm.Sha1, 6, 6, 9, out _));
    }

    [Fact]
    public void Arguments_out_of_range_are_programmer_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HotpVerifier.TryMatch(Rfc.Key20, "755224", OtpHashAlgorithm.Sha1, 6, 0, HotpVerifier.MaxLookAhead + 1, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => HotpVerifier.TryMatch(Rfc.Key20, "755224", OtpHashAlgorithm.Sha1, 6, -1, 1, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => HotpVerifier.TryMatch(Rfc.Key20, "755224", OtpHashAlgorithm.Sha1, 5, 0, 1, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => HotpVerifier.TryMatch(Rfc.Key20, "755224", (OtpHashAlgorithm)42, 6, 0, 1, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => HotpVerifier.TryMatchConsecutive(Rfc.Key20, "755224", "287082", OtpHashAlgorithm.Sha1, 6, 0, HotpVerifier.MaxResynchronizationWindow + 1, out _));
    }

    [Property(MaxTest = 300)]
    public Property OtpNet_codes_match_at_their_counter_for_random_inputs() =>
        Prop.ForAll(Arb.From(Inputs), input =>
        {
            var (key, counter, digits, algorithm, ahead) = input;
            var mode = algorithm switch { OtpHashAlgorithm.Sha256 => OtpNet.OtpHashMode.Sha256, OtpHashAlgorithm.Sha512 => OtpNet.OtpHashMode.Sha512, _ => OtpNet.OtpHashMode.Sha1 };
            var reference = new OtpNet.Hotp(key, mode, digits);
            var code = reference.ComputeHOTP(counter + ahead);
            var next = reference.ComputeHOTP(counter + ahead + 1);
            return HotpVerifier.TryMatch(key, code, algorithm, digits, counter, 20, out var matched) && matched <= counter + ahead
                && HotpVerifier.TryMatchConsecutive(key, code, next, algorithm, digits, counter, 20, out var second) && second <= counter + ahead + 1;
        });
}
