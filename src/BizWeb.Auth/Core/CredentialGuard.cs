using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BizWeb.Auth;

/// <summary>
/// The lockout engine (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §5). Every guess is reserved in the counter store before it is
/// evaluated, so no more than the limit is ever evaluated for one credential, however many requests
/// arrive in parallel on however many servers. A locked credential is refused without evaluation.
/// The failure that reaches the limit locks: contract credentials stop the contract; user
/// credentials suspend the user and, in linked mode, stop the contract too. A one-time password the
/// token already used (<see cref="SecondFactorResult.Replayed"/>) is no guess: its attempt is given back
/// (compare-and-decrement) and it never locks.
/// </summary>
internal sealed class CredentialGuard
{
    private readonly IContractStore _contracts;
    private readonly IUserStore _users;
    private readonly ICredentialCounterStore _counters;
    private readonly Committer _commits;
    private readonly AuditWriter _audit;
    private readonly BankClock _clock;
    private readonly BizWebOptions _options;
    private readonly ILogger _logger;

    public CredentialGuard(IContractStore contracts, IUserStore users, ICredentialCounterStore counters, Committer commits, AuditWriter audit, BankClock clock, IOptions<BizWebOptions> options, ILoggerFactory? loggerFactory = null)
    {
        _contracts = contracts;
        _users = users;
        _counters = counters;
        _commits = commits;
        _audit = audit;
        _clock = clock;
        _options = options.Value;
        _logger = AuthLog.Logger(loggerFactory);
    }

    private static bool IsContractLevel(Credential credential) => credential is Credential.RegistrationPin or Credential.CustomerCard or Credential.AdminLoginPin or Credential.AdminConfirmationPin;

    /// <summary>Checks a credential of an existing contract (and user, for user credentials).</summary>
    public async ValueTask<GuardResult> CheckAsync(
        Contract contract,
        User? user,
        Credential credential,
        AuditActor actor,
        string action,
        Func<CancellationToken, ValueTask<SecondFactorVerification>> evaluate,
        CancellationToken cancellationToken,
        bool resetInCallersCommit = false)
    {
        using var activity = StartActivity(credential);
        var result = await CheckKnownAsync(contract, user, credential, actor, action, evaluate, resetInCallersCommit, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("bizweb.outcome", result.Outcome.ToString());
        return result;
    }

    private async ValueTask<GuardResult> CheckKnownAsync(
        Contract contract,
        User? user,
        Credential credential,
        AuditActor actor,
        string action,
        Func<CancellationToken, ValueTask<SecondFactorVerification>> evaluate,
        bool resetInCallersCommit,
        CancellationToken cancellationToken)
    {
        var principal = IsContractLevel(credential) ? PrincipalId.Administrator(contract.Id) : user!.Principal;
        if (contract.State == ContractState.Stopped || (!IsContractLevel(credential) && user!.State == UserState.Suspended))
        {
            await _audit.AppendAsync(_audit.Entry(actor, action, principal, AuditOutcome.Refused, LockedCode(credential)), cancellationToken).ConfigureAwait(false);
            return new GuardResult(GuardOutcome.Locked);
        }

        var key = CounterKey.For(principal, credential);
        var limit = _options.Lockout.MaxConsecutiveFailures;
        var reservation = await _counters.TryReserveAttemptAsync(key, limit, _clock.Now, null, cancellationToken).ConfigureAwait(false);
        if (!reservation.Reserved)
        {
            // The last attempt is taken, possibly by a request still being evaluated on another
            // server: refuse without evaluating and without locking, because that attempt may yet
            // succeed and reset the count; whoever evaluates the failing last attempt applies the lock.
            // "Locked" only when the lock is in place by now; otherwise "busy, try again".
            var busy = !await IsLockedAsync(contract.Id, user?.Id, credential, cancellationToken).ConfigureAwait(false);
            await _audit.AppendAsync(_audit.Entry(actor, action, principal, AuditOutcome.Refused, busy ? MessageCode.CredentialBusy : LockedCode(credential)), cancellationToken).ConfigureAwait(false);
            return new GuardResult(busy ? GuardOutcome.Busy : GuardOutcome.Locked);
        }

        // Input that is not an answer at all is refused by the flows before the reservation; an
        // answer the verifier still calls malformed (e.g. a wrong number of digits) counts as wrong:
        // giving the attempt back could erase another request's failure.
        var verification = await evaluate(cancellationToken).ConfigureAwait(false);
        if (verification.Result == SecondFactorResult.Verified)
        {
            // A caller that commits anyway (e.g. the sign-in's audit record) resets the counter in that
            // commit (AuthChanges.ResetCounter), saving a round trip; every other caller resets here.
            if (!resetInCallersCommit)
            {
                await _counters.ResetAsync(key, cancellationToken).ConfigureAwait(false);
            }

            return new GuardResult(GuardOutcome.Verified);
        }

        if (verification.Result == SecondFactorResult.Replayed)
        {
            // The right code, used already: no guess at the credential, so the attempt is given back —
            // only if the counter still holds what this request reserved (a parallel reservation or reset
            // since keeps it), so another request's failure is never erased and nothing goes below zero.
            _ = await _counters.TryReleaseAttemptAsync(key, reservation.Failures, cancellationToken).ConfigureAwait(false);
            await _audit.AppendAsync(_audit.Entry(actor, action, principal, AuditOutcome.Refused, MessageCode.OneTimePasswordReplayed), cancellationToken).ConfigureAwait(false);
            return new GuardResult(GuardOutcome.Replayed);
        }

        AuthTelemetry.CredentialFailures.Add(1, AuthTelemetry.Tag("credential", credential.ToString()));
        AuthLog.CredentialFailed(_logger, credential, reservation.Failures);
        if (reservation.Failures >= limit)
        {
            await LockAsync(contract.Id, user?.Id, credential, cancellationToken).ConfigureAwait(false);
            await _audit.AppendAsync(_audit.Entry(actor, action, principal, AuditOutcome.Failed, LockedCode(credential)), cancellationToken).ConfigureAwait(false);
            return new GuardResult(GuardOutcome.Locked);
        }

        await _audit.AppendAsync(_audit.Entry(actor, action, principal, AuditOutcome.Failed, FailedCode(credential)), cancellationToken).ConfigureAwait(false);
        return new GuardResult(GuardOutcome.Failed);
    }

    /// <summary>
    /// A guess at a user credential of a stopped contract: refused without evaluation and before the
    /// user is looked up, so real and unknown user ids answer alike.
    /// </summary>
    public async ValueTask<GuardResult> RefuseStoppedAsync(PrincipalId typed, Credential credential, AuditActor actor, string action, CancellationToken cancellationToken)
    {
        using var activity = StartActivity(credential);
        await _audit.AppendAsync(_audit.Entry(actor, action, PrincipalId.Administrator(typed.ContractId), AuditOutcome.Refused, LockedCode(credential)), cancellationToken).ConfigureAwait(false);
        activity?.SetTag("bizweb.outcome", nameof(GuardOutcome.Locked));
        return new GuardResult(GuardOutcome.Locked);
    }

    /// <summary>
    /// A guess against an identifier that does not exist: the same KDF cost (through
    /// <paramref name="evaluateDummy"/>), the same counting and the same "locked" answer from the
    /// limit on, in a counter kept apart and forgotten after a while. A user id unknown in an existing
    /// contract of linked mode stops that contract at its limit, as a real user's lock does, so the
    /// contract's state tells nothing about which user ids exist.
    /// </summary>
    public async ValueTask<GuardResult> CheckUnknownAsync(
        PrincipalId typed,
        Credential credential,
        AuditActor actor,
        string action,
        Action evaluateDummy,
        CancellationToken cancellationToken,
        Contract? contract = null)
    {
        using var activity = StartActivity(credential);
        var now = _clock.Now;
        var limit = _options.Lockout.MaxConsecutiveFailures;
        var window = now + _options.Lockout.UnknownPrincipalFailureWindow;
        var reservation = await _counters.TryReserveAttemptAsync(CounterKey.ForUnknown(typed, credential), limit, now, window, cancellationToken).ConfigureAwait(false);
        var outcome = GuardOutcome.Failed;
        if (reservation.Reserved)
        {
            evaluateDummy();
            AuthTelemetry.CredentialFailures.Add(1, AuthTelemetry.Tag("credential", credential.ToString()));
            if (reservation.Failures >= limit)
            {
                // Like a real credential's last failure: from now on "locked", not "busy".
                await _counters.TryReserveAttemptAsync(CounterKey.ForUnknownLocked(typed, credential), 1, now, window, cancellationToken).ConfigureAwait(false);
                outcome = GuardOutcome.Locked;
                if (contract is { LockoutMode: LockoutMode.Linked } && !IsContractLevel(credential))
                {
                    await LockAsync(contract.Id, typed.UserId, credential, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        else
        {
            // The answer a real credential gives while its last attempts are still being evaluated.
            outcome = await _counters.GetFailuresAsync(CounterKey.ForUnknownLocked(typed, credential), now, cancellationToken).ConfigureAwait(false) > 0
                ? GuardOutcome.Locked
                : GuardOutcome.Busy;
        }

        // The audit names no subject: the typed identifiers of a failed guess are not recorded.
        var code = outcome switch { GuardOutcome.Locked => LockedCode(credential), GuardOutcome.Busy => MessageCode.CredentialBusy, _ => FailedCode(credential) };
        await _audit.AppendAsync(_audit.Entry(actor, action, null, outcome == GuardOutcome.Failed ? AuditOutcome.Failed : AuditOutcome.Refused, code), cancellationToken).ConfigureAwait(false);
        // Tagged exactly like a known principal's outcome: traces must not tell unknown ids apart.
        activity?.SetTag("bizweb.outcome", outcome.ToString());
        return new GuardResult(outcome);
    }

    /// <summary>Whether the lock of <paramref name="credential"/> is in place now (read again: it may have come since the caller's load).</summary>
    private async ValueTask<bool> IsLockedAsync(ContractId contractId, UserId? userId, Credential credential, CancellationToken cancellationToken)
    {
        var contract = await _contracts.FindAsync(contractId, cancellationToken).ConfigureAwait(false);
        if (contract is null || contract.State == ContractState.Stopped)
        {
            return true;
        }

        return !IsContractLevel(credential)
            && await _users.FindAsync(contractId, userId!.Value, cancellationToken).ConfigureAwait(false) is { State: UserState.Suspended };
    }

    /// <summary>Applies the lock transitions for <paramref name="credential"/>, with audit and notifications, idempotently.</summary>
    private async ValueTask LockAsync(ContractId contractId, UserId? userId, Credential credential, CancellationToken cancellationToken)
    {
        var scopes = new List<string>();
        var locked = await _commits.CommitAsync<bool>(
            async ct =>
            {
                scopes.Clear();
                var contract = await _contracts.FindAsync(contractId, ct).ConfigureAwait(false);
                if (contract is null)
                {
                    return Committer.Nothing(false);
                }

                var changes = new AuthChanges();
                if (IsContractLevel(credential))
                {
                    if (contract.TryApply(ContractTrigger.Locked, out var stopped))
                    {
                        changes.Put(stopped)
                            .Append(_audit.Entry(AuditActor.System, "ContractLocked", PrincipalId.Administrator(contractId), AuditOutcome.Succeeded, MessageCode.AdminLocked));
                        Enqueue(changes, SecurityNotices.For(_clock.Now, SecurityEvent.AdminPinLocked, PrincipalId.Administrator(contractId), contract.AdminEmail));
                        scopes.Add("contract");
                    }
                }
                else
                {
                    var user = await _users.FindAsync(contractId, userId!.Value, ct).ConfigureAwait(false);
                    if (user is not null && user.TryApply(UserTrigger.Suspended, _clock.Now, out var suspended))
                    {
                        changes.Put(suspended)
                            .Append(_audit.Entry(AuditActor.System, "UserLocked", user.Principal, AuditOutcome.Succeeded, MessageCode.UserLocked));
                        Enqueue(changes, SecurityNotices.For(_clock.Now, SecurityEvent.UserPinLocked, user.Principal, user.Email));
                        scopes.Add("user");
                    }

                    if (contract.LockoutMode == LockoutMode.Linked && contract.TryApply(ContractTrigger.Locked, out var stopped))
                    {
                        changes.Put(stopped)
                            .Append(_audit.Entry(AuditActor.System, "ContractLocked", PrincipalId.Administrator(contractId), AuditOutcome.Succeeded, MessageCode.UserLocked));
                        scopes.Add("contract");
                    }
                }

                return scopes.Count == 0 ? Committer.Nothing(false) : (changes, true);
            },
            () => false,
            cancellationToken).ConfigureAwait(false);
        if (!locked)
        {
            return;
        }

        foreach (var scope in scopes)
        {
            AuthTelemetry.Locks.Add(1, AuthTelemetry.Tag("credential", credential.ToString()), AuthTelemetry.Tag("scope", scope));
            AuthLog.CredentialLocked(_logger, credential, scope);
        }
    }

    /// <summary>A span per credential check, tagged with the credential kind and, at the end, the outcome; never an identifier or a guess.</summary>
    private static System.Diagnostics.Activity? StartActivity(Credential credential) =>
        AuthTelemetry.ActivitySource.StartActivity("BizWeb.Auth.CheckCredential")?.SetTag("bizweb.credential", credential.ToString());

    internal static void Enqueue(AuthChanges changes, SecurityNotification? notification)
    {
        if (notification is not null)
        {
            changes.Enqueue(notification);
        }
    }

    private static MessageCode LockedCode(Credential credential) => IsContractLevel(credential) ? MessageCode.AdminLocked : MessageCode.UserLocked;

    private static MessageCode FailedCode(Credential credential) => credential switch
    {
        Credential.CustomerCard or Credential.HardwareToken => MessageCode.OneTimePasswordIncorrect,
        Credential.AdminConfirmationPin or Credential.UserConfirmationPin => MessageCode.ConfirmationPinIncorrect,
        Credential.UserLoginPin => MessageCode.UserSignInFailed,
        _ => MessageCode.AdminSignInFailed,
    };
}
