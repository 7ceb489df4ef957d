namespace BizWeb.Tokens.Tests;

/// <summary>The public <see cref="TotpVerifier"/>: the window (its RFC 6238 Appendix B vectors are in <see cref="OtpVectorTests"/>), replay and malformed input.</summary>
public sealed class TotpVerifierTests
{
    [Theory]
    [InlineData(-1, true)]
    [InlineData(1, true)]
    [InlineData(-2, false)]
    [InlineData(2, false)]
    public void A_code_matches_within_the_window_and_returns_its_own_step(int offset, bool matches)
    {
        const long step = 1234567890L / 30;
        var code = Code(step + offset);
        Assert.Equal(matches, TotpVerifier.TryMatch(Rfc.Key20, code, OtpHashAlgorithm.Sha1, 6, step, 1, long.MinValue, out var matched));
        Assert.Equal(matches ? step + offset : 0, matched);
    }

    [Fact]
    public void A_code_of_the_last_used_step_or_an_earlier_one_is_refused()
    {
        const long step = 1234567890L / 30;
        Assert.False(TotpVerifier.TryMatch(Rfc.Key20, Code(step), OtpHashAlgorithm.Sha1, 6, step, 1, step, out _));
        Assert.False(TotpVerifier.TryMatch(Rfc.Key20, Code(step - 1), OtpHashAlgorithm.Sha1, 6, step, 1, step, out _));
        Assert.True(TotpVerifier.TryMatch(Rfc.Key20, Code(step + 1), OtpHashAlgorithm.Sha1, 6, step, 1, step, out var matched));
        Assert.Equal(step + 1, matched);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("１２３４５６")]
    [InlineData(" 23456")]
    [InlineData("12345a")]
    public void Malformed_codes_never_match(string code)
    {
        // Refused whatever the step (200 steps x 3 candidates each).
        for (var step = 0L; step < 200; step++)
        {
            Assert.False(TotpVerifier.TryMatch(Rfc.Key20, code, OtpHashAlgorithm.Sha1, 6, step, 1, long.MinValue, out var matched));
            Assert.Equal(0, matched);
        }
    }

    [Fact]
    public void A_full_width_copy_of_the_right_code_is_refused()
    {
        const long step = 1234567890L / 30;
        var fullWidth = string.Concat(Code(step).Select(c => (char)(c - '0' + '０')));
        Assert.True(TotpVerifier.TryMatch(Rfc.Key20, Code(step), OtpHashAlgorithm.Sha1, 6, step, 0, long.MinValue, out _));
        Assert.False(TotpVerifier.TryMatch(Rfc.Key20, fullWidth, OtpHashAlgorithm.Sha1, 6, step, 0, long.MinValue, out _));
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(9, 1)]
    [InlineData(6, -1)]
    [InlineData(6, TotpVerifier.MaxWindow + 1)]
    public void Out_of_range_digits_or_window_throw(int digits, int window) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TotpVerifier.TryMatch(Rfc.Key20, "123456", OtpHashAlgorithm.Sha1, digits, 0, window, long.MinValue, out _));

    [Fact]
    public void An_unknown_hash_throws_without_the_secret_in_the_message()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TotpVerifier.TryMatch(Rfc.Key20, "123456", (OtpHashAlgorithm)7, 6, 0, 1, long.MinValue, out _));
        Assert.DoesNotContain(Convert.ToHexString(Rfc.Key20), error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(0L, 30, 0L)]
    [InlineData(29L, 30, 0L)]
    [InlineData(30L, 30, 1L)]
    [InlineData(-1L, 30, -1L)]
    [InlineData(120L, 60, 2L)]
    public void Time_step_is_the_floor_of_unix_seconds_over_the_period(long unixSeconds, int period, long expected) =>
        Assert.Equal(expected, TotpVerifier.TimeStepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds), period));

    [Fact]
    public void A_period_below_one_second_throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TotpVerifier.TimeStepAt(DateTimeOffset.UnixEpoch, 0));

    private static string Code(long step) => Hotp.FormatString(Hotp.Compute(Rfc.Key20, step, OtpHashAlgorithm.Sha1, 6), 6);
}
