namespace BizWeb.Auth;

/// <summary>Makes audit records stamped with the bank's clock, and appends one on its own for an outcome that changes no state.</summary>
internal sealed class AuditWriter(IAuthUnitOfWork unitOfWork, BankClock clock)
{
    /// <summary>A record to append with the change it audits.</summary>
    public AuditEntry Entry(AuditActor actor, string action, PrincipalId? subject, AuditOutcome outcome, MessageCode? code = null) =>
        new() { At = clock.Now, Actor = actor, Action = action, Subject = subject, Outcome = outcome, Detail = code?.ToString() };

    /// <summary>Appends <paramref name="entry"/> in a commit of its own (a refusal or failure that changes no state).</summary>
    public async ValueTask AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        _ = await unitOfWork.CommitAsync(new AuthChanges().Append(entry), cancellationToken).ConfigureAwait(false);
    }
}
