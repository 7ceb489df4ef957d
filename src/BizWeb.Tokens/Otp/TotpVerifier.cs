using System.Security.Cryptography;

namespace BizWeb.Tokens;

/// <summary>
/// RFC 6238 TOTP verification for hosts (e.g. an operators' authenticator-app second factor), the same
/// matcher the SDK's hardware tokens use. Every step of the window is computed and compared in constant
/// time whether or not an earlier one matched, so a hit and a miss cost the same; nothing is allocated
/// and the secret is never copied, logged or put in an exception message.
/// </summary>
/// <remarks>
/// Replay protection is the caller's: store the returned step once a code is accepted (atomically, if
/// several servers verify), and pass it as <c>lastUsedStep</c> next time, so neither that code nor any
/// code of an earlier step is accepted again.
/// </remarks>
public static class TotpVerifier
{
    /// <summary>The RFC 6238 default time step, 30 seconds.</summary>
    public const int DefaultPeriodSeconds = 30;

    /// <summary>The fewest digits a code may have (RFC 4226 §5.3).</summary>
    public const int MinDigits = Hotp.MinDigits;

    /// <summary>The most digits a code may have.</summary>
    public const int MaxDigits = Hotp.MaxDigits;

    /// <summary>The widest window accepted: ±10 steps (±5 minutes at 30 s).</summary>
    public const int MaxWindow = 10;

    /// <summary>The RFC 6238 time step of <paramref name="time"/>: Unix seconds / <paramref name="periodSeconds"/>, rounded down.</summary>
    /// <param name="time">The time, usually the host's <see cref="TimeProvider"/> now.</param>
    /// <param name="periodSeconds">The step length (X in RFC 6238), at least 1.</param>
    /// <returns>The time step T.</returns>
    public static long TimeStepAt(DateTimeOffset time, int periodSeconds = DefaultPeriodSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periodSeconds, 1);
        return Math.DivRem(time.ToUnixTimeSeconds(), periodSeconds, out var rem) - (rem < 0 ? 1 : 0);
    }

    /// <summary>
    /// Whether <paramref name="code"/> is the code of a step in
    /// [<paramref name="currentStep"/> − <paramref name="window"/>, <paramref name="currentStep"/> + <paramref name="window"/>]
    /// that is after <paramref name="lastUsedStep"/>; if so, the first such step.
    /// </summary>
    /// <param name="secret">The shared secret (raw bytes, not Base32).</param>
    /// <param name="code">The code as typed: exactly <paramref name="digits"/> half-width digits. Anything else
    /// (wrong length, full-width digits, white space) is not a match.</param>
    /// <param name="algorithm">The HMAC hash.</param>
    /// <param name="digits">The code length, <see cref="MinDigits"/> to <see cref="MaxDigits"/>.</param>
    /// <param name="currentStep">The step to centre the window on, e.g. <see cref="TimeStepAt"/> of now (plus a learnt drift).</param>
    /// <param name="window">The tolerated clock drift in steps on each side, 0 to <see cref="MaxWindow"/>.</param>
    /// <param name="lastUsedStep">The step of the last accepted code; only later steps match
    /// (<see cref="long.MinValue"/> when none was accepted yet).</param>
    /// <param name="matchedStep">The matched step, to be recorded by the caller; 0 when there is no match.</param>
    /// <returns>Whether the code matched a step after <paramref name="lastUsedStep"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="digits"/>, <paramref name="window"/> or <paramref name="algorithm"/> is out of range.</exception>
    public static bool TryMatch(ReadOnlySpan<byte> secret, ReadOnlySpan<char> code, OtpHashAlgorithm algorithm, int digits, long currentStep, int window, long lastUsedStep, out long matchedStep) =>
        Match(secret, code, algorithm, digits, currentStep, window, lastUsedStep, out matchedStep, out _);

    /// <summary>
    /// <see cref="TryMatch"/>, telling too whether the code is the one of <paramref name="lastUsedStep"/> (within the
    /// window): the code the token already used, typed again (<paramref name="replayed"/>; never with a match).
    /// </summary>
    internal static bool Match(ReadOnlySpan<byte> secret, ReadOnlySpan<char> code, OtpHashAlgorithm algorithm, int digits, long currentStep, int window, long lastUsedStep, out long matchedStep, out bool replayed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, MinDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, MaxDigits);
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, MaxWindow);
        if (algorithm is not (OtpHashAlgorithm.Sha1 or OtpHashAlgorithm.Sha256 or OtpHashAlgorithm.Sha512))
        {
            throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a supported OTP hash.");
        }

        matchedStep = 0;
        replayed = false;
        if (code.Length != digits)
        {
            return false;
        }

        Span<byte> typed = stackalloc byte[Hotp.MaxDigits];
        Span<byte> candidate = stackalloc byte[Hotp.MaxDigits];
        var wellFormed = Hotp.TryReadCode(code, digits, typed);

        var found = false;
        var used = false;
        // Keyed once for the whole window: each step then costs one HMAC of 8 bytes, not a key schedule too.
        using var hmac = IncrementalHash.CreateHMAC(Hotp.HashName(algorithm), secret);
        for (var step = currentStep - window; step <= currentStep + window; step++)
        {
            var equal = Hotp.Matches(hmac, step, digits, typed, candidate);
            if (equal & !found & step > lastUsedStep)
            {
                found = true;
                matchedStep = step;
            }

            used |= equal & step == lastUsedStep;
        }

        CryptographicOperations.ZeroMemory(candidate);
        CryptographicOperations.ZeroMemory(typed);
        matchedStep = found & wellFormed ? matchedStep : 0;
        replayed = used & wellFormed & !found;
        return found & wellFormed;
    }
}
