namespace BizWeb.Auth;

/// <summary>
/// Puts a security notification for an event that happened outside the auth flows (e.g. a
/// certificate about to expire) into the outbox, addressed to the principal's registered e-mail,
/// with its audit record in the same commit.
/// </summary>
public sealed class SecurityNotifications
{
    private readonly AuthCore _core;

    internal SecurityNotifications(AuthCore core) => _core = core;

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

        var contract = await _core.Contracts.FindAsync(recipient.ContractId, cancellationToken).ConfigureAwait(false);
        var user = recipient.UserId is { } userId && contract is not null ? await _core.Users.FindAsync(contract.Id, userId, cancellationToken).ConfigureAwait(false) : null;
        var email = recipient.IsAdministrator ? contract?.AdminEmail : user is { State: not UserState.Deleted } ? user.Email : null;
        if (_core.Notification(securityEvent, recipient, email) is not { } notification)
        {
            return false;
        }

        var changes = new AuthChanges().Enqueue(notification).Append(_core.Audit(actor, securityEvent.ToString(), recipient, AuditOutcome.Succeeded));
        return await _core.UnitOfWork.CommitAsync(changes, cancellationToken).ConfigureAwait(false) == CommitOutcome.Committed;
    }
}
