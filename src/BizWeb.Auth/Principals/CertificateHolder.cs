namespace BizWeb.Auth;

/// <summary>
/// An administrator or user whose client certificate changes, as read by <see cref="CertificateHolders.FindAsync"/>.
/// Adds to the certificate change's <see cref="AuthChanges"/> what the auth side owes it; the records
/// are put at the versions read, so a concurrent change of them makes the whole commit conflict.
/// </summary>
public sealed class CertificateHolder
{
    private readonly BankClock _clock;
    private readonly Contract _contract;
    private readonly User? _user;

    internal CertificateHolder(BankClock clock, Contract contract, User? user)
    {
        _clock = clock;
        _contract = contract;
        _user = user;
    }

    /// <summary>The administrator or user.</summary>
    public PrincipalId Principal => _user?.Principal ?? PrincipalId.Administrator(_contract.Id);

    /// <summary>
    /// Renews the principal's security stamp (the contract's for the administrator, the user's for a
    /// user): every session signed in with the revoked or superseded certificate ends.
    /// </summary>
    /// <param name="changes">The certificate change's changes.</param>
    /// <returns><paramref name="changes"/>.</returns>
    public AuthChanges EndSessions(AuthChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return _user is null
            ? changes.Put(_contract with { SecurityStamp = SecurityStamps.New() })
            : changes.Put(_user with { SecurityStamp = SecurityStamps.New() });
    }

    /// <summary>
    /// Queues the 電子証明書発行 notifications of a new certificate: to the administrator for every
    /// certificate of the contract (<see cref="SecurityEvent.AdminCertificateIssued"/> or
    /// <see cref="SecurityEvent.UserCertificateIssuedToAdmin"/>), and to the user for his own
    /// (<see cref="SecurityEvent.UserCertificateIssued"/>); each only where an address is registered.
    /// </summary>
    /// <param name="changes">The issuance's changes.</param>
    /// <returns><paramref name="changes"/>.</returns>
    public AuthChanges NotifyIssued(AuthChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var admin = PrincipalId.Administrator(_contract.Id);
        CredentialGuard.Enqueue(changes, SecurityNotices.For(_clock.Now, _user is null ? SecurityEvent.AdminCertificateIssued : SecurityEvent.UserCertificateIssuedToAdmin, admin, _contract.AdminEmail));
        if (_user is { State: not UserState.Deleted })
        {
            CredentialGuard.Enqueue(changes, SecurityNotices.For(_clock.Now, SecurityEvent.UserCertificateIssued, _user.Principal, _user.Email));
        }

        return changes;
    }
}
