namespace BizWeb.Auth;

/// <summary>
/// The customer card (お客様カード, credential ②) seam, implemented by <c>BizWeb.Tokens</c>
/// (<c>AddCustomerCards()</c>). Used by admin activation (管理者1-4) and admin sign-in (管理者3-3).
/// The auth flows count failures and locks; implementations only judge answers.
/// </summary>
public interface ICustomerCardVerifier
{
    /// <summary>
    /// The challenge for <paramref name="context"/>: the same positions again while an earlier
    /// challenge of the same principal and flow is open (no re-roll).
    /// </summary>
    /// <param name="context">Whose card, for which step.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The positions to ask for, or <see langword="null"/> when the contract has no live card.</returns>
    ValueTask<SecondFactorChallenge?> GetChallengeAsync(SecondFactorContext context, CancellationToken cancellationToken);

    /// <summary>Judges <paramref name="answer"/> against the open challenge of <paramref name="context"/>, in constant time.</summary>
    /// <param name="context">Whose card, for which step.</param>
    /// <param name="answer">The digits typed, in the order of the prompts.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Verified (the challenge is consumed, and every other open challenge of the card ends with it), rejected (it stays), or malformed.</returns>
    ValueTask<SecondFactorVerification> VerifyAsync(SecondFactorContext context, string answer, CancellationToken cancellationToken);
}
