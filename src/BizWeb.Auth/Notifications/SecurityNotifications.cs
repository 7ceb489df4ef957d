namespace BizWeb.Auth;

/// <summary>
/// Puts a security notification for an event that happened outside the auth flows (e.g. a
/// certificate about to expire) into the outbox, addressed to the principal's registered e-mail,
/// with its audit record in the same commit.
/// </summary>
public sealed class SecurityNotifications
{
    private readonly IContractStore _contracts;
    private readonly IUserStore _users;
    private readonly Committer _commits;
    private readonly AuditWriter _audit;
    private readonly BankClock _clock;

    internal SecurityNotifications(IContractStore contracts, IUserStore users, Committer commits, AuditWriter audit, BankClock clock)
    {
        _contracts = contracts;
        _users = users;
        _commits = commits;
        _audit = audit;
        _clock = clock;
    }

    /// <summary>Queues <paramref name="securityEvent"/> for <paramref name="recipient"/>.</summary>
    /// <param name="recipient">The administrator (for 1xx events) or the user (for 2xx events).</param>
    /// <param name="securityEvent">The event.</param>
    /// <param name="actor">Who or what caused it (for the audit trail).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when queued; <see langword="false"/> when the recipient is unknown, deleted or has no address.</returns>
    public async ValueTask<bool> NotifyAsync(PrincipalId recipient, SecurityEvent securityEvent, AuditActor actor, CancellationToken cancellationToken = default)
    {
        if (recipient.IsAdministrator != ((int)securityEvent < 200))
        {
            throw new ArgumentException("Events 1xx go to the administrator, 2xx to a user.", nameof(securityEvent));
        }

        var contract = await _contracts.FindAsync(recipient.ContractId, cancellationToken).ConfigureAwait(false);
        var user = recipient.UserId is { } userId && contract is not null ? await _users.FindAsync(contract.Id, userId, cancellationToken).ConfigureAwait(false) : null;
        var email = recipient.IsAdministrator ? contract?.AdminEmail : user is { State: not UserState.Deleted } ? user.Email : null;
        if (SecurityNotices.For(_clock.Now, securityEvent, recipient, email) is not { } notification)
        {
            return false;
        }

        var changes = new AuthChanges().Enqueue(notification).Append(_audit.Entry(actor, securityEvent.ToString(), recipient, AuditOutcome.Succeeded));
        return await _commits.CommitAsync(changes, cancellationToken).ConfigureAwait(false) == CommitOutcome.Committed;
    }
}
