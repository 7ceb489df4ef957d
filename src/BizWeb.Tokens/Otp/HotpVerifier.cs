using System.Security.Cryptography;

namespace BizWeb.Tokens;

/// <summary>
/// RFC 4226 HOTP verification for event-based tokens: a code is searched from the token's next counter
/// over a look-ahead window (a user may have pressed the button without signing in), and a wider window
/// with two consecutive codes resynchronises a token that ran far ahead (RFC 4226 §7.4). The HMAC is keyed
/// once per verification and reused for every counter of the window; every counter is computed and compared
/// in constant time whether or not an earlier one matched, and the secret is never copied, logged or put in
/// an exception message.
/// </summary>
/// <remarks>
/// The counter is the caller's: once a code is accepted, store <c>matchedCounter + 1</c> as the token's next
/// counter with a conditional update (only if it is still the counter the verification started from), so
/// neither that code nor any earlier one is accepted again, even by parallel requests on several servers.
/// </remarks>
public static class HotpVerifier
{
    /// <summary>The widest look-ahead accepted for verification.</summary>
    public const int MaxLookAhead = 100;

    /// <summary>The widest window accepted for resynchronisation with two consecutive codes.</summary>
    public const int MaxResynchronizationWindow = 1000;

    /// <summary>
    /// Whether <paramref name="code"/> is the code of a counter in
    /// [<paramref name="counter"/>, <paramref name="counter"/> + <paramref name="lookAhead"/>]; if so, the first such counter.
    /// </summary>
    /// <param name="secret">The shared secret (raw bytes).</param>
    /// <param name="code">The code as typed: exactly <paramref name="digits"/> half-width digits; anything else is not a match.</param>
    /// <param name="algorithm">The HMAC hash.</param>
    /// <param name="digits">The code length, <see cref="TotpVerifier.MinDigits"/> to <see cref="TotpVerifier.MaxDigits"/>.</param>
    /// <param name="counter">The token's next counter: the first one not used yet (0 for a new token).</param>
    /// <param name="lookAhead">How many counters after <paramref name="counter"/> are searched too, 0 to <see cref="MaxLookAhead"/>.</param>
    /// <param name="matchedCounter">The matched counter (store <c>matchedCounter + 1</c>); 0 when there is no match.</param>
    /// <returns>Whether the code matched.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static bool TryMatch(ReadOnlySpan<byte> secret, ReadOnlySpan<char> code, OtpHashAlgorithm algorithm, int digits, long counter, int lookAhead, out long matchedCounter) =>
        Match(secret, code, algorithm, digits, counter, lookAhead, false, out matchedCounter, out _);

    /// <summary>
    /// <see cref="TryMatch"/>; with <paramref name="detectReplay"/>, the code of <paramref name="counter"/> − 1 (the one
    /// the token used last) is computed too, and <paramref name="replayed"/> tells whether the code is that one
    /// (never with a match). One more HMAC, with the same key.
    /// </summary>
    internal static bool Match(ReadOnlySpan<byte> secret, ReadOnlySpan<char> code, OtpHashAlgorithm algorithm, int digits, long counter, int lookAhead, bool detectReplay, out long matchedCounter, out bool replayed)
    {
        Check(algorithm, digits, counter, lookAhead, MaxLookAhead, nameof(lookAhead));
        matchedCounter = 0;
        replayed = false;
        Span<byte> typed = stackalloc byte[Hotp.MaxDigits];
        if (code.Length != digits)
        {
            return false;
        }

        var wellFormed = Hotp.TryReadCode(code, digits, typed);
        Span<byte> candidate = stackalloc byte[Hotp.MaxDigits];
        using var hmac = IncrementalHash.CreateHMAC(Hotp.HashName(algorithm), secret);
        var found = false;
        var used = false;
        for (var c = detectReplay && counter > 0 ? counter - 1 : counter; c <= counter + lookAhead; c++)
        {
            var equal = Hotp.Matches(hmac, c, digits, typed, candidate);
            if (equal & !found & c >= counter)
            {
                found = true;
                matchedCounter = c;
            }

            used |= equal & c < counter;
        }

        CryptographicOperations.ZeroMemory(typed);
        matchedCounter = found & wellFormed ? matchedCounter : 0;
        replayed = used & wellFormed & !found;
        return found & wellFormed;
    }

    /// <summary>
    /// Whether <paramref name="first"/> and <paramref name="second"/> are the codes of two consecutive counters
    /// c and c + 1 with c in [<paramref name="counter"/>, <paramref name="counter"/> + <paramref name="window"/>]
    /// (RFC 4226 §7.4 resynchronisation); if so, the counter of the second (store <c>matchedCounter + 1</c>).
    /// </summary>
    /// <param name="secret">The shared secret (raw bytes).</param>
    /// <param name="first">A code the token shows.</param>
    /// <param name="second">The next code it shows.</param>
    /// <param name="algorithm">The HMAC hash.</param>
    /// <param name="digits">The code length.</param>
    /// <param name="counter">The token's next counter.</param>
    /// <param name="window">How many counters after <paramref name="counter"/> the first code may be at, 0 to <see cref="MaxResynchronizationWindow"/>.</param>
    /// <param name="matchedCounter">The counter of <paramref name="second"/>; 0 when there is no match.</param>
    /// <returns>Whether the two codes matched consecutive counters.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static bool TryMatchConsecutive(ReadOnlySpan<byte> secret, ReadOnlySpan<char> first, ReadOnlySpan<char> second, OtpHashAlgorithm algorithm, int digits, long counter, int window, out long matchedCounter)
    {
        Check(algorithm, digits, counter, window, MaxResynchronizationWindow, nameof(window));
        matchedCounter = 0;
        Span<byte> typedFirst = stackalloc byte[Hotp.MaxDigits];
        Span<byte> typedSecond = stackalloc byte[Hotp.MaxDigits];
        if (first.Length != digits || second.Length != digits)
        {
            return false;
        }

        var wellFormed = Hotp.TryReadCode(first, digits, typedFirst) & Hotp.TryReadCode(second, digits, typedSecond);
        Span<byte> candidate = stackalloc byte[Hotp.MaxDigits];
        using var hmac = IncrementalHash.CreateHMAC(Hotp.HashName(algorithm), secret);
        var found = false;
        var previousIsFirst = false;
        for (var c = counter; c <= counter + window + 1; c++)
        {
            var isSecond = Hotp.Matches(hmac, c, digits, typedSecond, candidate);
            if (previousIsFirst & isSecond & !found)
            {
                found = true;
                matchedCounter = c;
            }

            previousIsFirst = Hotp.Matches(hmac, c, digits, typedFirst, candidate) & c <= counter + window;
        }

        CryptographicOperations.ZeroMemory(typedFirst);
        CryptographicOperations.ZeroMemory(typedSecond);
        matchedCounter = found & wellFormed ? matchedCounter : 0;
        return found & wellFormed;
    }

    private static void Check(OtpHashAlgorithm algorithm, int digits, long counter, int window, int maxWindow, string windowName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, Hotp.MinDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, Hotp.MaxDigits);
        ArgumentOutOfRangeException.ThrowIfNegative(counter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(counter, long.MaxValue - MaxResynchronizationWindow - 1);
        if (window < 0 || window > maxWindow)
        {
            throw new ArgumentOutOfRangeException(windowName, window, $"The window is 0 to {maxWindow} counters.");
        }

        _ = Hotp.HashName(algorithm);
    }
}
