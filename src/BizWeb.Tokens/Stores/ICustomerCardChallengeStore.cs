using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>Stores open customer card challenges; every method is one atomic step.</summary>
public interface ICustomerCardChallengeStore
{
    /// <summary>
    /// Atomically returns the challenge to show, so positions are never re-rolled:
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

    /// <summary>Deletes the challenge if it is still open: a correct answer consumes it exactly once.</summary>
    /// <param name="id">The challenge's id.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> for the one caller that consumed it.</returns>
    ValueTask<bool> TryConsumeAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);
}
