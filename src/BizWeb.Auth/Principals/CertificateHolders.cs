namespace BizWeb.Auth;

/// <summary>
/// The auth side of a change of a principal's client certificate, for the certificates package:
/// reads the administrator or user whose certificate is about to be issued, superseded or revoked,
/// so the change can commit, in the same atomic step, the renewed security stamp that ends the
/// sessions bound to the previous certificate and the 電子証明書発行 notifications (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §9).
/// </summary>
public sealed class CertificateHolders
{
    private readonly IContractStore _contracts;
    private readonly IUserStore _users;
    private readonly BankClock _clock;

    internal CertificateHolders(IContractStore contracts, IUserStore users, BankClock clock)
    {
        _contracts = contracts;
        _users = users;
        _clock = clock;
    }

    /// <summary>Reads the principal's records now, right before the certificate change commits.</summary>
    /// <param name="principal">The administrator or user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The holder; or <see langword="null"/> when the contract (or the user) does not exist.</returns>
    public async ValueTask<CertificateHolder?> FindAsync(PrincipalId principal, CancellationToken cancellationToken = default)
    {
        var contract = await _contracts.FindAsync(principal.ContractId, cancellationToken).ConfigureAwait(false);
        if (contract is null)
        {
            return null;
        }

        if (principal.UserId is not { } userId)
        {
            return new CertificateHolder(_clock, contract, null);
        }

        var user = await _users.FindAsync(contract.Id, userId, cancellationToken).ConfigureAwait(false);
        return user is null ? null : new CertificateHolder(_clock, contract, user);
    }
}
