using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>Stores open customer card challenges; every method is one atomic step.</summary>
public interface ICustomerCardChallengeStore
{
    /// <summary>
    /// Atomically returns the challenge to show, so positions are never re-rolled by asking again or
    /// by opening flows (they change only once no challenge of the card is open: all expired, or one
    /// was answered correctly, which ends them all — see <see cref="TryConsumeAsync"/>):
    /// <list type="number">
    /// <item>the open challenge bound to the same principal, purpose and flow as <paramref name="candidate"/>, if any, unchanged;</item>
    /// <item>otherwise, if another challenge of the same card (contract and card serial number) is open,
    /// <paramref name="candidate"/> is stored with that challenge's positions and returned;</item>
    /// <item>otherwise <paramref name="candidate"/> is stored and returned as it is.</item>
    /// </list>
    /// Challenges of another card serial number (a reissued card) are ignored and may be deleted.
    /// </summary>
    /// <param name="candidate">A new challenge with freshly drawn positions.</param>
    /// <param name="now">The current time: challenges with <c>ExpiresAt</c> ≤ now are not open.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The challenge to show.</returns>
    ValueTask<CustomerCardChallenge> GetOrAddAsync(CustomerCardChallenge candidate, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The open challenge bound to <paramref name="principal"/>, <paramref name="purpose"/> and <paramref name="flowId"/>, or <see langword="null"/>.</summary>
    /// <param name="principal">Who was asked.</param>
    /// <param name="purpose">The step that asked.</param>
    /// <param name="flowId">The flow that asked.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The challenge.</returns>
    ValueTask<CustomerCardChallenge?> FindAsync(PrincipalId principal, FlowPurpose purpose, Guid flowId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically, if <paramref name="challenge"/> is still open: deletes it together with every other
    /// challenge of the same contract's card, so a correct answer is accepted by one flow only and the
    /// next challenge of the card draws fresh positions. Serialised with <see cref="GetOrAddAsync"/>:
    /// a challenge added concurrently either shares the answered positions and is ended too, or is
    /// added after and draws fresh ones.
    /// </summary>
    /// <param name="challenge">The challenge answered correctly.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> for the one caller that consumed it; <see langword="false"/> once it expired, was consumed or was ended by another answer.</returns>
    ValueTask<bool> TryConsumeAsync(CustomerCardChallenge challenge, DateTimeOffset now, CancellationToken cancellationToken);
}
