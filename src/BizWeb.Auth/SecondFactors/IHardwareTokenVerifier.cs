namespace BizWeb.Auth;

/// <summary>
/// The hardware token seam, implemented by <c>BizWeb.Tokens</c> (<c>AddHardwareTokens(…)</c>). Used by
/// user certificate enrollment (利用者6-3) and transaction confirmation (利用者9-1). The auth flows
/// count failures; implementations only judge codes (including replay protection).
/// </summary>
public interface IHardwareTokenVerifier
{
    /// <summary>Judges the one-time password <paramref name="code"/> of the token registered to <paramref name="context"/>'s user.</summary>
    /// <param name="context">Whose token, for which step.</param>
    /// <param name="code">The digits shown on the token.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Verified, rejected (also when the user has no token or the code was used before), or malformed.</returns>
    ValueTask<SecondFactorVerification> VerifyAsync(SecondFactorContext context, string code, CancellationToken cancellationToken);
}
