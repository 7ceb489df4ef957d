namespace BizWeb.Auth;

/// <summary>
/// Repairs failure counters left at the limit without a lock (the lock's commit failed after the
/// seventh failure was counted): the credential refuses every guess, fails closed, and an unlock or a
/// release must be able to clear it although the state machine shows nothing locked.
/// </summary>
internal static class CredentialCounters
{
    public static async ValueTask<bool> AnyAtLimitAsync(AuthCore core, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            if (await core.Counters.GetFailuresAsync(key, core.Now, cancellationToken).ConfigureAwait(false) >= core.Options.Lockout.MaxConsecutiveFailures)
            {
                return true;
            }
        }

        return false;
    }

    public static async ValueTask<AuthResult> ResetAsync(AuthCore core, AuditActor actor, PrincipalId principal, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var changes = new AuthChanges().Append(core.Audit(actor, "FailuresReset", principal, AuditOutcome.Succeeded));
        foreach (var key in keys)
        {
            changes.ResetCounter(key);
        }

        return await core.UnitOfWork.CommitAsync(changes, cancellationToken).ConfigureAwait(false) == CommitOutcome.Committed
            ? AuthResult.Success
            : AuthResult.Fail(MessageCode.ConcurrencyConflict);
    }
}
