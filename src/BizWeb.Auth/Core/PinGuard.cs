using Microsoft.Extensions.Options;

namespace BizWeb.Auth;

/// <summary>
/// A PIN guess for a principal given by its identifiers: loads the contract (and user), and runs the
/// guess through <see cref="CredentialGuard"/>, with the same cost and answers for identifiers that
/// do not exist. A flow that judged the client certificate hands in the rows it was judged with
/// (<see cref="PrincipalRecord"/>) instead of reading them again. Input that cannot be a PIN of any PIN system (not half-width, longer than 12) is an
/// input error and never counted. Then, for known and unknown identifiers alike, a place is taken from
/// <see cref="KdfAdmission"/> before the guard reserves an attempt: a guess refused there
/// (<see cref="GuardOutcome.Overloaded"/>) reserved nothing, is not audited one by one, and answers the same
/// whether the identifiers exist or not.
/// </summary>
internal sealed class PinGuard
{
    private readonly IContractStore _contracts;
    private readonly IUserStore _users;
    private readonly ICredentialCounterStore _counters;
    private readonly IPinHasher _hasher;
    private readonly AuditWriter _audit;
    private readonly BankClock _clock;
    private readonly CredentialGuard _guard;
    private readonly CallerCheck _callers;
    private readonly BizWebOptions _options;
    private readonly KdfAdmission _admission;

    public PinGuard(IContractStore contracts, IUserStore users, ICredentialCounterStore counters, IPinHasher hasher, AuditWriter audit, BankClock clock, CredentialGuard guard, CallerCheck callers, IOptions<BizWebOptions> options, KdfAdmission admission)
    {
        _admission = admission;
        _contracts = contracts;
        _users = users;
        _counters = counters;
        _hasher = hasher;
        _audit = audit;
        _clock = clock;
        _guard = guard;
        _callers = callers;
        _options = options.Value;
    }

    public async ValueTask<PinGuardResult> CheckContractPinAsync(ContractId contractId, Credential credential, string pin, AuditActor actor, string action, CancellationToken cancellationToken, SignedInCaller? caller = null, PrincipalRecord? loaded = null)
    {
        if (NotAPin(pin) is { } malformed)
        {
            return new PinGuardResult(malformed, null, null, null);
        }

        var contract = Loaded(loaded, PrincipalId.Administrator(contractId))?.Contract
            ?? await _contracts.FindAsync(contractId, cancellationToken).ConfigureAwait(false);
        // A stale caller guesses nothing; a stopped contract is the guard's "locked" (the lock renewed the stamp).
        if (caller is not null && (contract is null || (contract.State != ContractState.Stopped && !await _callers.IsSameAsync(caller, contract, null, cancellationToken).ConfigureAwait(false))))
        {
            return await StaleAsync(caller, action, cancellationToken).ConfigureAwait(false);
        }

        using var place = await _admission.TryEnterAsync(cancellationToken).ConfigureAwait(false);
        if (place is null)
        {
            return Overloaded;
        }

        if (contract is null)
        {
            var unknown = await _guard.CheckUnknownAsync(PrincipalId.Administrator(contractId), credential, actor, action, () => EvaluateDummy(pin, place), cancellationToken).ConfigureAwait(false);
            return new PinGuardResult(unknown, null, null, null);
        }

        var hash = credential switch
        {
            Credential.RegistrationPin => contract.RegistrationPinHash,
            Credential.AdminLoginPin => contract.AdminLoginPinHash,
            Credential.AdminConfirmationPin => contract.AdminConfirmationPinHash,
            _ => throw new ArgumentOutOfRangeException(nameof(credential)),
        };
        var check = new PinCheck(_hasher, pin, hash, place);
        var result = await _guard.CheckAsync(contract, null, credential, actor, action, check.EvaluateAsync, cancellationToken).ConfigureAwait(false);
        return new PinGuardResult(result, contract, null, check);
    }

    /// <summary>
    /// A user PIN guess. With <c>beforeCertificate</c> (利用者6-2, where whoever types the ids has proved
    /// nothing) a suspended user whose PIN counter is not at the limit (suspended by the administrator, or
    /// locked by another credential) answers exactly like an unknown id instead of "locked" at the first guess.
    /// </summary>
    public async ValueTask<PinGuardResult> CheckUserPinAsync(ContractId contractId, UserId userId, Credential credential, string pin, AuditActor actor, string action, CancellationToken cancellationToken, bool beforeCertificate = false, SignedInCaller? caller = null, bool resetInCallersCommit = false, PrincipalRecord? loaded = null)
    {
        if (NotAPin(pin) is { } malformed)
        {
            return new PinGuardResult(malformed, null, null, null);
        }

        loaded = Loaded(loaded, PrincipalId.User(contractId, userId));
        var contract = loaded?.Contract ?? await _contracts.FindAsync(contractId, cancellationToken).ConfigureAwait(false);
        if (contract is { State: ContractState.Stopped })
        {
            // Refused before the user is looked up: a stopped contract must not tell its real user ids from unknown ones.
            var refused = await _guard.RefuseStoppedAsync(PrincipalId.User(contractId, userId), credential, actor, action, cancellationToken).ConfigureAwait(false);
            return new PinGuardResult(refused, null, null, null);
        }

        // Looked up for an unknown contract too: a refusal (busy, or the wrong-PIN answer) costs the same reads either way.
        var user = loaded?.User ?? await _users.FindAsync(contractId, userId, cancellationToken).ConfigureAwait(false);
        if (caller is not null && (user is not { State: UserState.Suspended } && !await _callers.IsSameAsync(caller, contract, user, cancellationToken).ConfigureAwait(false)))
        {
            return await StaleAsync(caller, action, cancellationToken).ConfigureAwait(false);
        }

        using var place = await _admission.TryEnterAsync(cancellationToken).ConfigureAwait(false);
        if (place is null)
        {
            return Overloaded;
        }

        if (contract is null || user is null || user.State == UserState.Deleted
            || (beforeCertificate && user.State == UserState.Suspended
                && await _counters.GetFailuresAsync(CounterKey.For(user.Principal, credential), _clock.Now, cancellationToken).ConfigureAwait(false) < _options.Lockout.MaxConsecutiveFailures))
        {
            var unknown = await _guard.CheckUnknownAsync(PrincipalId.User(contractId, userId), credential, actor, action, () => EvaluateDummy(pin, place), cancellationToken, contract).ConfigureAwait(false);
            return new PinGuardResult(unknown, null, null, null);
        }

        var hash = credential switch
        {
            Credential.UserLoginPin => user.LoginPinHash,
            Credential.UserConfirmationPin => user.ConfirmationPinHash,
            _ => throw new ArgumentOutOfRangeException(nameof(credential)),
        };
        var check = new PinCheck(_hasher, pin, hash, place);
        var result = await _guard.CheckAsync(contract, user, credential, actor, action, check.EvaluateAsync, cancellationToken, resetInCallersCommit).ConfigureAwait(false);
        return new PinGuardResult(result, contract, user, check);
    }

    /// <summary>Refused by <see cref="KdfAdmission"/>: nothing reserved, evaluated or audited.</summary>
    private static PinGuardResult Overloaded { get; } = new(new GuardResult(GuardOutcome.Overloaded), null, null, null);

    /// <summary>The KDF run for an identifier that does not exist, in its place, given back right after.</summary>
    private void EvaluateDummy(string pin, KdfPlace place)
    {
        try
        {
            _ = _hasher.VerifyPin(pin, null);
        }
        finally
        {
            place.Dispose();
        }
    }

    /// <summary>The rows the certificate was judged with, when they are this principal's (the caller need not read them again).</summary>
    private static PrincipalRecord? Loaded(PrincipalRecord? loaded, PrincipalId principal) =>
        loaded is null || loaded.Principal == principal ? loaded
        : throw new ArgumentException("The loaded record is another principal's.", nameof(loaded));

    /// <summary>Audits and answers a stale caller's attempt (not evaluated, not counted).</summary>
    private async ValueTask<PinGuardResult> StaleAsync(SignedInCaller caller, string action, CancellationToken cancellationToken)
    {
        await _audit.AppendAsync(_audit.Entry(caller.Actor, action, caller.Principal, AuditOutcome.Refused, MessageCode.SessionEnded), cancellationToken).ConfigureAwait(false);
        return new PinGuardResult(new GuardResult(GuardOutcome.Stale), null, null, null);
    }

    /// <summary>Input no PIN system accepts: not printable ASCII, or longer than any PIN.</summary>
    private static GuardResult? NotAPin(string pin) =>
        pin.Any(c => c is <= ' ' or > '~') ? new GuardResult(GuardOutcome.Malformed, MessageCatalog.Get(MessageCode.PinNotHalfWidth))
        : pin.Length > PinPolicy.HighestMaxLength ? new GuardResult(GuardOutcome.Malformed, MessageCatalog.Format(MessageCode.PinLength, PinPolicy.LowestMinLength, PinPolicy.HighestMaxLength))
        : null;
}
