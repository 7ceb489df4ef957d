namespace BizWeb.Tokens.Tests;

/// <summary>RFC 4226 Appendix D and RFC 6238 Appendix B, typed from the RFCs.</summary>
public sealed class OtpVectorTests
{
    [Theory]
    [InlineData(0, "755224")]
    [InlineData(1, "287082")]
    [InlineData(2, "359152")]
    [InlineData(3, "969429")]
    [InlineData(4, "338314")]
    [InlineData(5, "254676")]
    [InlineData(6, "287922")]
    [InlineData(7, "162583")]
    [InlineData(8, "399871")]
    [InlineData(9, "520489")]
    public void Rfc4226_appendix_D(long counter, string expected) =>
        Assert.Equal(expected, Hotp.FormatString(Hotp.Compute(Rfc.Key20, counter, OtpHashAlgorithm.Sha1, 6), 6));

    [Theory]
    [InlineData(59L, OtpHashAlgorithm.Sha1, "94287082")]
    [InlineData(59L, OtpHashAlgorithm.Sha256, "46119246")]
    [InlineData(59L, OtpHashAlgorithm.Sha512, "90693936")]
    [InlineData(1111111109L, OtpHashAlgorithm.Sha1, "07081804")]
    [InlineData(1111111109L, OtpHashAlgorithm.Sha256, "68084774")]
    [InlineData(1111111109L, OtpHashAlgorithm.Sha512, "25091201")]
    [InlineData(1111111111L, OtpHashAlgorithm.Sha1, "14050471")]
    [InlineData(1111111111L, OtpHashAlgorithm.Sha256, "67062674")]
    [InlineData(1111111111L, OtpHashAlgorithm.Sha512, "99943326")]
    [InlineData(1234567890L, OtpHashAlgorithm.Sha1, "89005924")]
    [InlineData(1234567890L, OtpHashAlgorithm.Sha256, "91819424")]
    [InlineData(1234567890L, OtpHashAlgorithm.Sha512, "93441116")]
    [InlineData(2000000000L, OtpHashAlgorithm.Sha1, "69279037")]
    [InlineData(2000000000L, OtpHashAlgorithm.Sha256, "90698825")]
    [InlineData(2000000000L, OtpHashAlgorithm.Sha512, "38618901")]
    [InlineData(20000000000L, OtpHashAlgorithm.Sha1, "65353130")]
    [InlineData(20000000000L, OtpHashAlgorithm.Sha256, "77737706")]
    [InlineData(20000000000L, OtpHashAlgorithm.Sha512, "47863826")]
    public void Rfc6238_appendix_B(long unixSeconds, OtpHashAlgorithm algorithm, string expected)
    {
        var token = new HardwareToken { SerialNumber = "rfc", ProtectedSeed = [], Algorithm = algorithm, Digits = 8, ImportedAt = default };
        var step = token.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
        Assert.Equal(expected, Hotp.FormatString(Hotp.Compute(Rfc.KeyFor(algorithm), step, algorithm, 8), 8));
        Assert.True(TotpVerifier.TryMatch(Rfc.KeyFor(algorithm), expected, algorithm, 8, step, 0, long.MinValue, out var matched));
        Assert.Equal(step, matched);
        Assert.Equal(step, TotpVerifier.TimeStepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

        // Not the code of the next step, nor of the same step under another hash.
        Assert.False(TotpVerifier.TryMatch(Rfc.KeyFor(algorithm), expected, algorithm, 8, step + 1, 0, long.MinValue, out _));
        var other = algorithm == OtpHashAlgorithm.Sha1 ? OtpHashAlgorithm.Sha256 : OtpHashAlgorithm.Sha1;
        Assert.False(TotpVerifier.TryMatch(Rfc.KeyFor(algorithm), expected, other, 8, step, 0, long.MinValue, out _));
    }

    [Theory]
    [InlineData(0L, 30, 0L)]
    [InlineData(29L, 30, 0L)]
    [InlineData(30L, 30, 1L)]
    [InlineData(59L, 60, 0L)]
    [InlineData(60L, 60, 1L)]
    [InlineData(-1L, 30, -1L)]
    public void Time_step_is_the_floor_of_elapsed_over_period(long unixSeconds, int period, long expected)
    {
        var token = new HardwareToken { SerialNumber = "t", ProtectedSeed = [], PeriodSeconds = period, ImportedAt = default };
        Assert.Equal(expected, token.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }
}
