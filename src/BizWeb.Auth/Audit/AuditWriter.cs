namespace BizWeb.Auth;

/// <summary>Makes audit records stamped with the bank's clock, and appends one on its own for an outcome that changes no state.</summary>
internal sealed class AuditWriter(Committer commits, BankClock clock)
{
    /// <summary>A record to append with the change it audits.</summary>
    public AuditEntry Entry(AuditActor actor, string action, PrincipalId? subject, AuditOutcome outcome, MessageCode? code = null) =>
        new() { At = clock.Now, Actor = actor, Action = action, Subject = subject, Outcome = outcome, Detail = code?.ToString() };

    /// <summary>
    /// Appends <paramref name="entry"/> in a commit of its own (a refusal or failure that changes no
    /// state), tried again on a conflict like every commit. Not cancellable: what was evaluated or
    /// refused is recorded even when the caller has gone away.
    /// </summary>
    /// <param name="entry">The record.</param>
    /// <param name="cancellationToken">Ignored on purpose (kept so every step of a flow reads alike).</param>
    public async ValueTask AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        _ = cancellationToken;
        _ = await commits.CommitRetryingAsync(new AuthChanges().Append(entry), CancellationToken.None).ConfigureAwait(false);
    }
}
