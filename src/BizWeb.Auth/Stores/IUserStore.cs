namespace BizWeb.Auth;

/// <summary>Reads users, deleted ones included (their ids are quarantined); changes go through <see cref="IAuthUnitOfWork"/>.</summary>
public interface IUserStore
{
    /// <summary>The user, or <see langword="null"/>.</summary>
    /// <param name="contractId">The contract.</param>
    /// <param name="userId">The user id (case-sensitive).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The user as last committed.</returns>
    ValueTask<User?> FindAsync(ContractId contractId, UserId userId, CancellationToken cancellationToken);

    /// <summary>Every user of the contract, deleted ones included, ordered by user id (ordinal).</summary>
    /// <param name="contractId">The contract.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The users.</returns>
    ValueTask<IReadOnlyList<User>> ListAsync(ContractId contractId, CancellationToken cancellationToken);
}
