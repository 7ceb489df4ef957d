using System.Security.Cryptography;

namespace BizWeb.Tokens;

/// <summary>
/// RFC 6238 TOTP matching over a window of time steps. Allocation-free: the typed code and each
/// candidate live in stack buffers, each step is one one-shot HMAC, and every step of the window is
/// computed and compared in constant time whether or not an earlier one matched, so a hit and a miss
/// cost the same.
/// </summary>
internal static class Totp
{
    /// <summary>
    /// The first step in [<paramref name="center"/> − <paramref name="window"/>, <paramref name="center"/> + <paramref name="window"/>]
    /// after <paramref name="lastUsedStep"/> whose code is <paramref name="code"/> (ASCII digits, <paramref name="digits"/> long).
    /// </summary>
    public static bool TryMatch(ReadOnlySpan<byte> key, ReadOnlySpan<char> code, OtpHashAlgorithm algorithm, int digits, long center, int window, long lastUsedStep, out long matchedStep)
    {
        matchedStep = 0;
        if (code.Length != digits || digits is < Hotp.MinDigits or > Hotp.MaxDigits)
        {
            return false;
        }

        Span<byte> typed = stackalloc byte[Hotp.MaxDigits];
        Span<byte> candidate = stackalloc byte[Hotp.MaxDigits];
        for (var i = 0; i < digits; i++)
        {
            typed[i] = (byte)code[i];
        }

        var found = false;
        for (var step = center - window; step <= center + window; step++)
        {
            Hotp.Format(Hotp.Compute(key, step, algorithm, digits), digits, candidate);
            var equal = CryptographicOperations.FixedTimeEquals(candidate[..digits], typed[..digits]);
            if (equal & !found & step > lastUsedStep)
            {
                found = true;
                matchedStep = step;
            }
        }

        CryptographicOperations.ZeroMemory(candidate);
        CryptographicOperations.ZeroMemory(typed);
        return found;
    }

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
                && TryMatch(key, first, algorithm, digits, step, 0, lastUsedStep, out _)
                && TryMatch(key, second, algorithm, digits, step + 1, 0, lastUsedStep, out _))
            {
                secondStep = step + 1;
                return true;
            }
        }

        return false;
    }
}
