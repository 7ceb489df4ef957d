namespace BizWeb.Tokens.Tests;

/// <summary>
/// The HOTP matcher's edges (issue 22, mutants of <see cref="HotpVerifier"/> and <see cref="Hotp"/> no test
/// killed): replay detection only when asked and never below counter 0, codes that are not ASCII digits
/// but whose characters' low bytes are, wrong lengths in resynchronisation, and the argument bounds.
/// </summary>
public sealed class HotpVerifierEdgeTests
{
    private static readonly byte[] Key = "12345678901234567890"u8.ToArray();

    private static string Code(long counter, int digits = 6) => Hotp.FormatString(Hotp.Compute(Key, counter, OtpHashAlgorithm.Sha1, digits), digits);

    /// <summary>The same code in characters U+0130–U+0139: not digits, but each one's low byte is an ASCII digit.</summary>
    private static string LookAlike(string code) => string.Concat(code.Select(c => (char)(c + 0x100)));

    [Fact]
    public void The_last_used_counters_code_is_a_replay_only_when_replay_detection_is_asked()
    {
        Assert.False(HotpVerifier.Match(Key, Code(9), OtpHashAlgorithm.Sha1, 6, 10, 5, detectReplay: true, out _, out var replayed));
        Assert.True(replayed);

        Assert.False(HotpVerifier.Match(Key, Code(9), OtpHashAlgorithm.Sha1, 6, 10, 5, detectReplay: false, out _, out replayed));
        Assert.False(replayed);
    }

    [Fact]
    public void A_new_token_at_counter_0_has_used_nothing_so_nothing_is_a_replay()
    {
        // The code "counter −1" would have (the moving factor's 8 bytes all 0xFF) is no code the token showed.
        Assert.False(HotpVerifier.Match(Key, Code(-1), OtpHashAlgorithm.Sha1, 6, 0, 5, detectReplay: true, out var matched, out var replayed));
        Assert.False(replayed);
        Assert.Equal(0, matched);
    }

    [Fact]
    public void A_code_of_the_wrong_length_is_neither_a_match_nor_a_replay()
    {
        Assert.False(HotpVerifier.Match(Key, Code(9).AsSpan(0, 5), OtpHashAlgorithm.Sha1, 6, 10, 5, detectReplay: true, out var matched, out var replayed));
        Assert.False(replayed);
        Assert.Equal(0, matched);
    }

    [Fact]
    public void Characters_whose_low_bytes_are_the_right_digits_never_match()
    {
        Assert.False(HotpVerifier.TryMatch(Key, LookAlike(Code(12)), OtpHashAlgorithm.Sha1, 6, 10, 5, out var matched));
        Assert.Equal(0, matched);
        Assert.False(HotpVerifier.Match(Key, LookAlike(Code(9)), OtpHashAlgorithm.Sha1, 6, 10, 5, detectReplay: true, out _, out var replayed));
        Assert.False(replayed);

        Assert.False(HotpVerifier.TryMatchConsecutive(Key, LookAlike(Code(12)), LookAlike(Code(13)), OtpHashAlgorithm.Sha1, 6, 10, 5, out matched));
        Assert.Equal(0, matched);
        Assert.False(HotpVerifier.TryMatchConsecutive(Key, Code(12), LookAlike(Code(13)), OtpHashAlgorithm.Sha1, 6, 10, 5, out matched));
        Assert.Equal(0, matched);
        Assert.True(HotpVerifier.TryMatchConsecutive(Key, Code(12), Code(13), OtpHashAlgorithm.Sha1, 6, 10, 5, out matched));
        Assert.Equal(13, matched);
    }

    [Fact]
    public void Resynchronisation_refuses_codes_of_the_wrong_length()
    {
        Assert.False(HotpVerifier.TryMatchConsecutive(Key, Code(12).AsSpan(0, 5), Code(13), OtpHashAlgorithm.Sha1, 6, 10, 5, out var matched));
        Assert.Equal(0, matched);
        Assert.False(HotpVerifier.TryMatchConsecutive(Key, Code(12), Code(13) + "0", OtpHashAlgorithm.Sha1, 6, 10, 5, out matched));
        Assert.Equal(0, matched);
    }

    [Fact]
    public void Reading_a_typed_code_wants_exactly_that_many_ascii_digits()
    {
        Span<byte> typed = stackalloc byte[Hotp.MaxDigits];
        Assert.True(Hotp.TryReadCode("123456", 6, typed));
        Assert.False(Hotp.TryReadCode("12345", 6, typed));
        Assert.False(Hotp.TryReadCode("12345a", 6, typed));
        Assert.False(Hotp.TryReadCode("a23456", 6, typed));
    }

    [Fact]
    public void Arguments_are_checked_at_their_bounds()
    {
        var lastCounter = long.MaxValue - HotpVerifier.MaxResynchronizationWindow - 1;
        Assert.False(HotpVerifier.TryMatch(Key, "000000", OtpHashAlgorithm.Sha1, 6, lastCounter, HotpVerifier.MaxLookAhead, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => HotpVerifier.TryMatch(Key, "000000", OtpHashAlgorithm.Sha1, 6, lastCounter + 1, 0, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => HotpVerifier.TryMatch(Key, "000000", OtpHashAlgorithm.Sha1, 6, 0, HotpVerifier.MaxLookAhead + 1, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => HotpVerifier.TryMatch(Key, "000000", OtpHashAlgorithm.Sha1, 6, 0, -1, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => HotpVerifier.TryMatch(Key, "000000000", OtpHashAlgorithm.Sha1, Hotp.MaxDigits + 1, 0, 0, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => HotpVerifier.TryMatch(Key, "00000", OtpHashAlgorithm.Sha1, Hotp.MinDigits - 1, 0, 0, out _));
        Assert.True(HotpVerifier.TryMatchConsecutive(Key, Code(10 + HotpVerifier.MaxResynchronizationWindow), Code(11 + HotpVerifier.MaxResynchronizationWindow), OtpHashAlgorithm.Sha1, 6, 10, HotpVerifier.MaxResynchronizationWindow, out _));
    }
}
