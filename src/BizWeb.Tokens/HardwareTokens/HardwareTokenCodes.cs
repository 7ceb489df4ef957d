using System.Security.Cryptography;
using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// Judges TOTP codes of stored tokens: decrypts the seed for the one call (zeroed afterwards),
/// matches over a window centred on the token's learnt drift, and records the accepted step with the
/// store's conditional update, so a code (or any earlier one) is accepted once only.
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

    /// <summary>Verifies <paramref name="code"/> of the token registered to <paramref name="owner"/>.</summary>
    public async ValueTask<SecondFactorVerification> VerifyAsync(PrincipalId owner, string? code, DateTimeOffset now, int window, CancellationToken cancellationToken)
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

        var current = token.StepAt(now);
        if (!Match(token, code, current + token.Drift, window, out var step))
        {
            return SecondFactorVerification.Rejected;
        }

        return await _tokens.TryRecordUseAsync(token.SerialNumber, owner, step, checked((int)(step - current)), null, cancellationToken).ConfigureAwait(false)
            ? SecondFactorVerification.Verified
            : SecondFactorVerification.Rejected;
    }

    /// <summary>Matches one code around <paramref name="center"/> (no state change).</summary>
    public bool Match(HardwareToken token, string code, long center, int window, out long step)
    {
        var seed = _protector.Unprotect(token.ProtectedSeed, HardwareToken.SeedPurpose);
        try
        {
            return TotpVerifier.TryMatch(seed, code, token.Algorithm, token.Digits, center, window, token.LastUsedStep, out step);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Matches two consecutive codes around <paramref name="center"/> (no state change).</summary>
    public bool MatchConsecutive(HardwareToken token, string first, string second, long center, int window, out long secondStep)
    {
        var seed = _protector.Unprotect(token.ProtectedSeed, HardwareToken.SeedPurpose);
        try
        {
            return Totp.TryMatchConsecutive(seed, first, second, token.Algorithm, token.Digits, center, window, token.LastUsedStep, out secondStep);
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
