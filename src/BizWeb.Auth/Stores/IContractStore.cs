namespace BizWeb.Auth;

/// <summary>Reads contracts; changes go through <see cref="IAuthUnitOfWork"/>.</summary>
public interface IContractStore
{
    /// <summary>The contract with <paramref name="id"/>, or <see langword="null"/>.</summary>
    /// <param name="id">The contract id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The contract as last committed.</returns>
    ValueTask<Contract?> FindAsync(ContractId id, CancellationToken cancellationToken);
}
