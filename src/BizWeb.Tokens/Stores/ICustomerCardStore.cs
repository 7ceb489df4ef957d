using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>Stores the live customer card of each contract (one at most).</summary>
public interface ICustomerCardStore
{
    /// <summary>The live card of <paramref name="contractId"/>, or <see langword="null"/>.</summary>
    /// <param name="contractId">The contract.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The card.</returns>
    ValueTask<CustomerCard?> FindAsync(ContractId contractId, CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="card"/> the live card of its contract in one atomic step; the previous
    /// card, if any, is dead from then on (its answers never verify again). <paramref name="changes"/>
    /// (the audit record) commits in the same step: both or neither.
    /// </summary>
    /// <param name="card">The new card.</param>
    /// <param name="changes">Audit records and notifications to commit with the card, as <see cref="IAuthUnitOfWork"/> would; or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    ValueTask ReplaceAsync(CustomerCard card, AuthChanges? changes, CancellationToken cancellationToken);
}
