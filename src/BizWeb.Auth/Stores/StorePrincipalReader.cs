namespace BizWeb.Auth;

/// <summary>The default <see cref="IPrincipalReader"/>: the contract store, then the user store.</summary>
internal sealed class StorePrincipalReader(IContractStore contracts, IUserStore users) : IPrincipalReader
{
    public async ValueTask<PrincipalRecord?> FindAsync(PrincipalId principal, CancellationToken cancellationToken)
    {
        IdGuard.Require(principal, nameof(principal));
        var contract = await contracts.FindAsync(principal.ContractId, cancellationToken).ConfigureAwait(false);
        if (contract is null)
        {
            return null;
        }

        if (principal.UserId is not { } userId)
        {
            return new PrincipalRecord(contract, null);
        }

        var user = await users.FindAsync(contract.Id, userId, cancellationToken).ConfigureAwait(false);
        return user is null ? null : new PrincipalRecord(contract, user);
    }
}
