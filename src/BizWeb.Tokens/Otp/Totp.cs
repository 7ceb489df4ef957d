namespace BizWeb.Tokens;

/// <summary>
/// The SDK-internal TOTP helpers built on the public <see cref="TotpVerifier"/> (the one matcher):
/// resynchronisation of a drifted hardware token from two consecutive codes.
/// </summary>
internal static class Totp
{
    /// <summary>
    /// Resynchronisation: the step s in the window, after <paramref name="lastUsedStep"/>, at which
    /// <paramref name="first"/> is the code of s and <paramref name="second"/> the code of s + 1.
    /// </summary>
    public static bool TryMatchConsecutive(ReadOnlySpan<byte> key, ReadOnlySpan<char> first, ReadOnlySpan<char> second, OtpHashAlgorithm algorithm, int digits, long center, int window, long lastUsedStep, out long secondStep)
    {
        secondStep = 0;
        for (var step = center - window; step <= center + window; step++)
        {
            if (step > lastUsedStep
                && TotpVerifier.TryMatch(key, first, algorithm, digits, step, 0, lastUsedStep, out _)
                && TotpVerifier.TryMatch(key, second, algorithm, digits, step + 1, 0, lastUsedStep, out _))
            {
                secondStep = step + 1;
                return true;
            }
        }

        return false;
    }
}
