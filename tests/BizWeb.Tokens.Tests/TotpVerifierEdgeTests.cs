namespace BizWeb.Tokens.Tests;

/// <summary>
/// The TOTP matcher's edges (issue 22, mutants of <see cref="TotpVerifier"/> and <see cref="Totp"/> no test
/// killed): the hash checked before the length, no replay on a wrong length, look-alike characters, and
/// resynchronisation from two consecutive codes at the window's edges and after the last used step.
/// </summary>
public sealed class TotpVerifierEdgeTests
{
    private const long Center = 1_000;
    private static readonly byte[] Key = "12345678901234567890"u8.ToArray();

    private static string Code(long step) => Hotp.FormatString(Hotp.Compute(Key, step, OtpHashAlgorithm.Sha1, 6), 6);

    private static bool Resync(long firstStep, long secondStep, int window, long lastUsedStep, out long matched) =>
        Totp.TryMatchConsecutive(Key, Code(firstStep), Code(secondStep), OtpHashAlgorithm.Sha1, 6, Center, window, lastUsedStep, out matched);

    [Fact]
    public void An_unsupported_hash_is_refused_whatever_the_code()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TotpVerifier.TryMatch(Key, "123", (OtpHashAlgorithm)99, 6, Center, 1, long.MinValue, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => TotpVerifier.TryMatch(Key, "123456", (OtpHashAlgorithm)99, 6, Center, 1, long.MinValue, out _));
    }

    [Fact]
    public void A_code_of_the_wrong_length_is_neither_a_match_nor_a_replay()
    {
        Assert.False(TotpVerifier.Match(Key, Code(Center).AsSpan(0, 5), OtpHashAlgorithm.Sha1, 6, Center, 1, Center, out var matched, out var replayed));
        Assert.False(replayed);
        Assert.Equal(0, matched);
        Assert.False(TotpVerifier.Match(Key, Code(Center), OtpHashAlgorithm.Sha1, 6, Center, 1, Center, out _, out replayed));
        Assert.True(replayed);
    }

    [Fact]
    public void Characters_whose_low_bytes_are_the_right_digits_never_match()
    {
        var lookAlike = string.Concat(Code(Center).Select(c => (char)(c + 0x100)));
        Assert.False(TotpVerifier.TryMatch(Key, lookAlike, OtpHashAlgorithm.Sha1, 6, Center, 1, long.MinValue, out var matched));
        Assert.Equal(0, matched);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(0)]
    [InlineData(2)]
    public void Two_consecutive_codes_anywhere_in_the_window_resynchronise_to_the_second_step(int offset)
    {
        Assert.True(Resync(Center + offset, Center + offset + 1, 2, long.MinValue, out var matched));
        Assert.Equal(Center + offset + 1, matched);
    }

    [Fact]
    public void Codes_outside_the_window_after_the_last_used_step_or_not_consecutive_do_not_resynchronise()
    {
        Assert.False(Resync(Center + 3, Center + 4, 2, long.MinValue, out var matched));
        Assert.Equal(0, matched);
        Assert.False(Resync(Center - 3, Center - 2, 2, long.MinValue, out _));
        Assert.False(Resync(Center, Center + 2, 2, long.MinValue, out _));
        Assert.False(Resync(Center + 1, Center, 2, long.MinValue, out _));
        Assert.False(Resync(Center, Center + 1, 2, Center, out _));
        Assert.True(Resync(Center, Center + 1, 2, Center - 1, out matched));
        Assert.Equal(Center + 1, matched);
    }
}
