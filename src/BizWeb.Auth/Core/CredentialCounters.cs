using Microsoft.Extensions.Options;

namespace BizWeb.Auth;

/// <summary>
/// Repairs failure counters left at the limit without a lock (the lock's commit failed after the
/// seventh failure was counted): the credential refuses every guess, fails closed, and an unlock or a
/// release must be able to clear it although the state machine shows nothing locked.
/// </summary>
internal sealed class CredentialCounters
{
    private readonly ICredentialCounterStore _counters;
    private readonly Committer _commits;
    private readonly AuditWriter _audit;
    private readonly BankClock _clock;
    private readonly BizWebOptions _options;

    public CredentialCounters(ICredentialCounterStore counters, Committer commits, AuditWriter audit, BankClock clock, IOptions<BizWebOptions> options)
    {
        _counters = counters;
        _commits = commits;
        _audit = audit;
        _clock = clock;
        _options = options.Value;
    }

    public async ValueTask<bool> AnyAtLimitAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            if (await _counters.GetFailuresAsync(key, _clock.Now, cancellationToken).ConfigureAwait(false) >= _options.Lockout.MaxConsecutiveFailures)
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask<AuthResult> ResetAsync(AuditActor actor, PrincipalId principal, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var changes = new AuthChanges().Append(_audit.Entry(actor, "FailuresReset", principal, AuditOutcome.Succeeded));
        foreach (var key in keys)
        {
            changes.ResetCounter(key);
        }

        return await _commits.CommitAsync(changes, cancellationToken).ConfigureAwait(false) == CommitOutcome.Committed
            ? AuthResult.Success
            : AuthResult.Fail(MessageCode.ConcurrencyConflict);
    }
}
