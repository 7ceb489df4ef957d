namespace BizWeb.Auth;

/// <summary>Reads contract settings; changes go through <see cref="IAuthUnitOfWork"/> (<see cref="AuthChanges.Put(ContractSettings)"/>).</summary>
public interface IContractSettingsStore
{
    /// <summary>The contract's settings, or <see langword="null"/> when none were stored.</summary>
    /// <param name="contractId">The contract.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The settings as last committed.</returns>
    ValueTask<ContractSettings?> FindAsync(ContractId contractId, CancellationToken cancellationToken);
}
