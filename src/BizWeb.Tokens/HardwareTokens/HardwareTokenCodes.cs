using System.Security.Cryptography;
using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// Judges the codes of stored tokens, TOTP or HOTP: decrypts the seed for the one call (zeroed afterwards),
/// matches over a window centred on the token's learnt drift (TOTP) or a look-ahead from its next counter
/// (HOTP), and records the accepted step or counter with the store's conditional update, so a code (or any
/// earlier one) is accepted once only.
/// </summary>
internal sealed class HardwareTokenCodes
{
    private readonly IHardwareTokenStore _tokens;
    private readonly ISecretProtector _protector;

    public HardwareTokenCodes(IHardwareTokenStore tokens, ISecretProtector protector)
    {
        _tokens = tokens;
        _protector = protector;
    }

    /// <summary>
    /// Verifies <paramref name="code"/> of the token registered to <paramref name="owner"/>: a TOTP token over
    /// <see cref="HardwareTokenOptions.VerificationWindow"/> steps either side of its drift, an HOTP token over
    /// <see cref="HardwareTokenOptions.HotpLookAhead"/> counters from its next one.
    /// </summary>
    public async ValueTask<SecondFactorVerification> VerifyAsync(PrincipalId owner, string? code, DateTimeOffset now, HardwareTokenOptions options, CancellationToken cancellationToken)
    {
        if (!OneTimePasswordInput.IsAsciiDigits(code))
        {
            return OneTimePasswordInput.Malformed(code);
        }

        var token = await _tokens.FindByOwnerAsync(owner, cancellationToken).ConfigureAwait(false);
        if (token is not { Status: HardwareTokenStatus.Assigned })
        {
            return SecondFactorVerification.Rejected;
        }

        if (code.Length != token.Digits)
        {
            return OneTimePasswordInput.Malformed(code);
        }

        var window = token.Kind == HardwareTokenKind.Hotp ? options.HotpLookAhead : options.VerificationWindow;
        switch (Match(token, code, now, window, out var factor, out var drift))
        {
            case TokenCodeMatch.None:
                return SecondFactorVerification.Rejected;
            case TokenCodeMatch.Replayed:
                return SecondFactorVerification.Replayed;
        }

        // The conditional update fails when a parallel request recorded this code (or a later one) first:
        // the code was right and is used now, which is a replay, not a wrong guess.
        return await _tokens.TryRecordUseAsync(token.SerialNumber, owner, factor, drift, null, cancellationToken).ConfigureAwait(false)
            ? SecondFactorVerification.Verified
            : SecondFactorVerification.Replayed;
    }

    /// <summary>
    /// Matches one code (no state change): a TOTP token's within <paramref name="window"/> steps either side of
    /// its expected step and after its last used one, an HOTP token's within <paramref name="window"/> counters
    /// from its next one; the code of the step or counter it used last is told apart as a replay.
    /// </summary>
    /// <param name="token">The token.</param>
    /// <param name="code">The code typed.</param>
    /// <param name="now">The time (TOTP).</param>
    /// <param name="window">Steps either side (TOTP) or counters of look-ahead (HOTP).</param>
    /// <param name="factor">The matched step or counter, to record as the last used one.</param>
    /// <param name="drift">The drift it shows in steps (TOTP; 0 for HOTP), to record with it.</param>
    /// <returns>Matched; replayed (the code of the step or counter the token used last); or none.</returns>
    public TokenCodeMatch Match(HardwareToken token, string code, DateTimeOffset now, int window, out long factor, out int drift)
    {
        var seed = _protector.Unprotect(token.ProtectedSeed, HardwareToken.SeedPurpose);
        try
        {
            bool matched, replayed;
            if (token.Kind == HardwareTokenKind.Hotp)
            {
                drift = 0;
                matched = HotpVerifier.Match(seed, code, token.Algorithm, token.Digits, token.Counter, window, token.LastUsedStep >= 0, out factor, out replayed);
            }
            else
            {
                var current = token.StepAt(now);
                matched = TotpVerifier.Match(seed, code, token.Algorithm, token.Digits, current + token.Drift, window, token.LastUsedStep, out factor, out replayed);
                drift = matched ? checked((int)(factor - current)) : 0;
            }

            return matched ? TokenCodeMatch.Matched : replayed ? TokenCodeMatch.Replayed : TokenCodeMatch.None;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>
    /// Matches two consecutive codes (no state change), for resynchronisation: a TOTP token's within
    /// <paramref name="window"/> steps either side of its expected step, an HOTP token's within
    /// <paramref name="window"/> counters after its next one (RFC 4226 §7.4).
    /// </summary>
    /// <param name="token">The token.</param>
    /// <param name="first">A code the token shows.</param>
    /// <param name="second">The next code it shows.</param>
    /// <param name="now">The time (TOTP).</param>
    /// <param name="window">The resynchronisation window.</param>
    /// <param name="secondFactor">The step or counter of <paramref name="second"/>, to record as the last used one.</param>
    /// <param name="drift">The drift it shows in steps (TOTP; 0 for HOTP).</param>
    /// <returns>Whether the two codes matched consecutive steps or counters.</returns>
    public bool MatchConsecutive(HardwareToken token, string first, string second, DateTimeOffset now, int window, out long secondFactor, out int drift)
    {
        var seed = _protector.Unprotect(token.ProtectedSeed, HardwareToken.SeedPurpose);
        try
        {
            if (token.Kind == HardwareTokenKind.Hotp)
            {
                drift = 0;
                return HotpVerifier.TryMatchConsecutive(seed, first, second, token.Algorithm, token.Digits, token.Counter, window, out secondFactor);
            }

            var current = token.StepAt(now);
            var matched = Totp.TryMatchConsecutive(seed, first, second, token.Algorithm, token.Digits, current + token.Drift, window, token.LastUsedStep, out secondFactor);
            drift = matched ? checked((int)(secondFactor - current)) : 0;
            return matched;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Decrypts the seed for a one-off computation (OCRA); the caller zeroes it.</summary>
    public byte[] UnprotectSeed(HardwareToken token) => _protector.Unprotect(token.ProtectedSeed, HardwareToken.SeedPurpose);

    /// <summary>Encrypts a seed for storage.</summary>
    public byte[] ProtectSeed(ReadOnlySpan<byte> seed) => _protector.Protect(seed, HardwareToken.SeedPurpose);
}
