using Microsoft.Extensions.Options;

namespace BizWeb.Auth;

/// <summary>
/// The checks before the bank's CA issues a client certificate (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §4 steps 2 and 5): for the
/// administrator contract id + login PIN ③ + customer card (管理者2-1 … 2-4); for a user contract id +
/// user id + temporary login PIN + token OTP (利用者6-1 … 6-6). Success gives a short-lived
/// single-use enrollment ticket that the certificates package redeems with <see cref="RedeemTicketAsync"/>.
/// </summary>
public sealed class CertificateEnrollment
{
    private readonly IContractStore _contracts;
    private readonly IUserStore _users;
    private readonly ICredentialCounterStore _counters;
    private readonly Committer _commits;
    private readonly AuditWriter _audit;
    private readonly BankClock _clock;
    private readonly CredentialGuard _guard;
    private readonly PinGuard _pins;
    private readonly Tickets _tickets;
    private readonly BizWebOptions _options;
    private readonly ICustomerCardVerifier? _card;
    private readonly IHardwareTokenVerifier? _token;

    internal CertificateEnrollment(IContractStore contracts, IUserStore users, ICredentialCounterStore counters, Committer commits, AuditWriter audit, BankClock clock, CredentialGuard guard, PinGuard pins, Tickets tickets, IOptions<BizWebOptions> options, ICustomerCardVerifier? card, IHardwareTokenVerifier? token)
    {
        _contracts = contracts;
        _users = users;
        _counters = counters;
        _commits = commits;
        _audit = audit;
        _clock = clock;
        _guard = guard;
        _pins = pins;
        _tickets = tickets;
        _options = options.Value;
        _card = card;
        _token = token;
    }

    /// <summary>管理者2-2: contract id and login PIN ③; answers the card positions to ask.</summary>
    /// <param name="contractId">The contract id typed.</param>
    /// <param name="loginPin">The login PIN ③ typed.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The card challenge, or the errors (<see cref="MessageCode.AdminSignInFailed"/> for an unknown contract or a wrong PIN alike).</returns>
    public async ValueTask<AuthResult<SecondFactorStep>> BeginAdminAsync(string? contractId, string? loginPin, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var input = new InputErrors();
        var id = input.Take(ContractId.Parse(contractId));
        if (string.IsNullOrEmpty(loginPin))
        {
            input.Add(MessageCode.PinRequired);
        }

        if (input.Any)
        {
            return AuthResult.Fail<SecondFactorStep>(input.Errors);
        }

        var check = await _pins.CheckContractPinAsync(id, Credential.AdminLoginPin, loginPin!, actor, "AdminEnrollmentBegin", cancellationToken).ConfigureAwait(false);
        if (!check.Verified)
        {
            return AuthResult.Fail<SecondFactorStep>(check.Errors(MessageCode.AdminSignInFailed, MessageCode.AdminLocked));
        }

        var contract = check.Contract!;
        if (contract.AccidentRegistered || contract.State != ContractState.Active)
        {
            return AuthResult.Fail<SecondFactorStep>(contract.AccidentRegistered ? MessageCode.AccidentRegistered : MessageCode.ContractNotActive);
        }

        var admin = PrincipalId.Administrator(id);
        var card = RequiredSeams.Require(_card);
        var (ticket, handle) = _tickets.New(FlowPurpose.AdminCertificateEnrollment, admin, _options.Flows.StepLifetime);
        var challenge = await card.GetChallengeAsync(new SecondFactorContext(admin, FlowPurpose.AdminCertificateEnrollment, ticket.Id, _clock.Now), cancellationToken).ConfigureAwait(false);
        if (challenge is null)
        {
            return AuthResult.Fail<SecondFactorStep>(MessageCode.SecondFactorNotRegistered);
        }

        ticket = Tickets.EndingWith(ticket, challenge);
        var changes = new AuthChanges().Put(ticket).Append(_audit.Entry(actor, "AdminEnrollmentBegin", admin, AuditOutcome.Succeeded));
        return await _commits.CommitAsync(changes, cancellationToken).ConfigureAwait(false) == CommitOutcome.Committed
            ? AuthResult.Ok(new SecondFactorStep(handle, challenge, ticket.ExpiresAt))
            : AuthResult.Fail<SecondFactorStep>(MessageCode.ConcurrencyConflict);
    }

    /// <summary>管理者2-3: the card answer; gives the enrollment ticket.</summary>
    /// <param name="handle">The handle from <see cref="BeginAdminAsync"/>.</param>
    /// <param name="cardAnswer">The digits for the positions asked.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The enrollment ticket, or the errors.</returns>
    public ValueTask<AuthResult<FlowHandle>> CompleteAdminAsync(string? handle, string? cardAnswer, AuditActor actor, CancellationToken cancellationToken = default) =>
        CompleteAsync(handle, FlowPurpose.AdminCertificateEnrollment, Credential.CustomerCard, cardAnswer, actor, cancellationToken);

    /// <summary>利用者6-2: contract id, user id and the temporary login PIN (or, after activation, the login PIN).</summary>
    /// <param name="contractId">The contract id typed.</param>
    /// <param name="userId">The user id typed.</param>
    /// <param name="loginPin">The login PIN typed.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The handle for the token step (利用者6-3), or the errors (<see cref="MessageCode.UserSignInFailed"/> for unknown ids or a wrong PIN alike).</returns>
    public async ValueTask<AuthResult<FlowHandle>> BeginUserAsync(string? contractId, string? userId, string? loginPin, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var input = new InputErrors();
        var cid = input.Take(ContractId.Parse(contractId));
        var uid = input.Take(UserId.Parse(userId));
        if (string.IsNullOrEmpty(loginPin))
        {
            input.Add(MessageCode.PinRequired);
        }

        if (input.Any)
        {
            return AuthResult.Fail<FlowHandle>(input.Errors);
        }

        // The cheapest gate first: a velocity limit per contract id, whatever user id is typed, before
        // any read or KDF (the ids typed here are the only proof there is before a certificate).
        var now = _clock.Now;
        var lockout = _options.Lockout;
        var velocity = await _counters.TryReserveAttemptAsync(
            CounterKey.ForPreCertificateAttempts(cid), lockout.PreCertificateAttemptsPerContract, now, now + lockout.PreCertificateAttemptWindow, cancellationToken).ConfigureAwait(false);
        if (!velocity.Reserved)
        {
            await _audit.AppendAsync(_audit.Entry(actor, "UserEnrollmentBegin", null, AuditOutcome.Refused, MessageCode.EnrollmentAttemptsExceeded), cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail<FlowHandle>(MessageCode.EnrollmentAttemptsExceeded);
        }

        var check = await _pins.CheckUserPinAsync(cid, uid, Credential.UserLoginPin, loginPin!, actor, "UserEnrollmentBegin", cancellationToken, beforeCertificate: true).ConfigureAwait(false);
        if (!check.Verified)
        {
            return AuthResult.Fail<FlowHandle>(check.Errors(MessageCode.UserSignInFailed, MessageCode.UserLocked));
        }

        var (contract, user) = (check.Contract!, check.User!);
        var refusal = UserGate.Refusal(contract, user, requireActive: false) ?? (user.IssueCertificate ? null : MessageCode.CertificateNotPermitted);
        if (refusal is { } code)
        {
            await _audit.AppendAsync(_audit.Entry(actor, "UserEnrollmentBegin", user.Principal, AuditOutcome.Refused, code), cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail<FlowHandle>(code);
        }

        var (ticket, handle) = _tickets.New(FlowPurpose.UserCertificateEnrollment, user.Principal, _options.Flows.StepLifetime);
        var changes = new AuthChanges().Put(ticket).Append(_audit.Entry(actor, "UserEnrollmentBegin", user.Principal, AuditOutcome.Succeeded));
        return await _commits.CommitAsync(changes, cancellationToken).ConfigureAwait(false) == CommitOutcome.Committed
            ? AuthResult.Ok(new FlowHandle(handle, ticket.ExpiresAt))
            : AuthResult.Fail<FlowHandle>(MessageCode.ConcurrencyConflict);
    }

    /// <summary>利用者6-3: the hardware token's one-time password; gives the enrollment ticket.</summary>
    /// <param name="handle">The handle from <see cref="BeginUserAsync"/>.</param>
    /// <param name="tokenCode">The digits shown on the token.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The enrollment ticket, or the errors (failures count toward the user's lock).</returns>
    public ValueTask<AuthResult<FlowHandle>> CompleteUserAsync(string? handle, string? tokenCode, AuditActor actor, CancellationToken cancellationToken = default) =>
        CompleteAsync(handle, FlowPurpose.UserCertificateEnrollment, Credential.HardwareToken, tokenCode, actor, cancellationToken);

    /// <summary>
    /// Looks an enrollment ticket up without redeeming it: the certificate authority calls this
    /// before it reads the request, so an unknown, expired or used ticket costs no parsing, and a
    /// refused request leaves the ticket usable. <see cref="RedeemTicketAsync"/> still decides.
    /// </summary>
    /// <param name="ticket">The ticket from <see cref="CompleteAdminAsync"/> or <see cref="CompleteUserAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The principal the ticket names, or <see cref="MessageCode.EnrollmentTicketInvalid"/>.</returns>
    public async ValueTask<AuthResult<PrincipalId>> FindTicketAsync(string? ticket, CancellationToken cancellationToken = default)
    {
        var open = await _tickets.FindOpenAsync(ticket, FlowPurpose.EnrollmentTicket, 1, cancellationToken).ConfigureAwait(false);
        return open is null ? AuthResult.Fail<PrincipalId>(MessageCode.EnrollmentTicketInvalid) : AuthResult.Ok(open.Principal);
    }

    /// <summary>
    /// Redeems an enrollment ticket, once: the certificate authority calls this before issuing and
    /// takes the principal from it (never from the request).
    /// </summary>
    /// <param name="ticket">The ticket from <see cref="CompleteAdminAsync"/> or <see cref="CompleteUserAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The principal to certify, or <see cref="MessageCode.EnrollmentTicketInvalid"/>.</returns>
    public async ValueTask<AuthResult<PrincipalId>> RedeemTicketAsync(string? ticket, CancellationToken cancellationToken = default)
    {
        var open = await _tickets.FindOpenAsync(ticket, FlowPurpose.EnrollmentTicket, 1, cancellationToken).ConfigureAwait(false);
        if (open is null)
        {
            return AuthResult.Fail<PrincipalId>(MessageCode.EnrollmentTicketInvalid);
        }

        // Read again: a deletion, accident, suspension or a withdrawn certificate flag since the checks voids the ticket.
        var contract = await _contracts.FindAsync(open.Principal.ContractId, cancellationToken).ConfigureAwait(false);
        var user = open.Principal.UserId is { } userId ? await _users.FindAsync(open.Principal.ContractId, userId, cancellationToken).ConfigureAwait(false) : null;
        if (contract is null || (open.Principal.UserId is not null && user is null) || Refusal(contract, user) is not null)
        {
            await _commits.CommitAsync(new AuthChanges().Put(open with { Completed = true }).Append(_audit.Entry(AuditActor.System, "EnrollmentTicketRedeemed", open.Principal, AuditOutcome.Refused, MessageCode.EnrollmentTicketInvalid)), cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail<PrincipalId>(MessageCode.EnrollmentTicketInvalid);
        }

        var changes = new AuthChanges()
            .Put(open with { Completed = true })
            .Append(_audit.Entry(AuditActor.System, "EnrollmentTicketRedeemed", open.Principal, AuditOutcome.Succeeded));
        return await _commits.CommitAsync(changes, cancellationToken).ConfigureAwait(false) == CommitOutcome.Committed
            ? AuthResult.Ok(open.Principal)
            : AuthResult.Fail<PrincipalId>(MessageCode.EnrollmentTicketInvalid);
    }

    private async ValueTask<AuthResult<FlowHandle>> CompleteAsync(string? handle, FlowPurpose purpose, Credential credential, string? answer, AuditActor actor, CancellationToken cancellationToken)
    {
        var ticket = await _tickets.FindOpenAsync(handle, purpose, 1, cancellationToken).ConfigureAwait(false);
        var contract = ticket is null ? null : await _contracts.FindAsync(ticket.Principal.ContractId, cancellationToken).ConfigureAwait(false);
        var user = ticket?.Principal.UserId is { } uid && contract is not null ? await _users.FindAsync(contract.Id, uid, cancellationToken).ConfigureAwait(false) : null;
        if (ticket is null || contract is null || (credential == Credential.HardwareToken && user is null))
        {
            return AuthResult.Fail<FlowHandle>(MessageCode.FlowExpired);
        }

        if (OneTimePasswordInput.Check(answer) is { } malformed)
        {
            return AuthResult.Fail<FlowHandle>([malformed]);
        }

        // A stopped contract or a suspended user is refused by the guard, without evaluation, as "locked"
        // (the lock codes, as at every other step), not as "not active" or "suspended".
        var lockedMeanwhile = contract.State == ContractState.Stopped || user?.State == UserState.Suspended;
        if (Refusal(contract, user) is { } refusal && !(lockedMeanwhile && refusal is MessageCode.ContractNotActive or MessageCode.UserSuspended))
        {
            return AuthResult.Fail<FlowHandle>(refusal);
        }

        var context = new SecondFactorContext(ticket.Principal, purpose, ticket.Id, _clock.Now);
        Func<CancellationToken, ValueTask<SecondFactorVerification>> evaluate = credential == Credential.CustomerCard
            ? ct => RequiredSeams.Require(_card).VerifyAsync(context, answer ?? string.Empty, ct)
            : ct => RequiredSeams.Require(_token).VerifyAsync(context, answer ?? string.Empty, ct);
        var guard = await _guard.CheckAsync(contract, user, credential, actor, purpose + "Complete", evaluate, cancellationToken).ConfigureAwait(false);
        AuthTelemetry.OtpVerifications.Add(1, AuthTelemetry.Tag("factor", credential == Credential.CustomerCard ? "card" : "token"), AuthTelemetry.Tag("result", guard.Outcome.ToString()));
        switch (guard.Outcome)
        {
            case GuardOutcome.Failed:
                return AuthResult.Fail<FlowHandle>(MessageCode.OneTimePasswordIncorrect);
            case GuardOutcome.Replayed:
                return AuthResult.Fail<FlowHandle>(MessageCode.OneTimePasswordReplayed);
            case GuardOutcome.Busy:
                return AuthResult.Fail<FlowHandle>(MessageCode.CredentialBusy);
            case GuardOutcome.Locked:
                return AuthResult.Fail<FlowHandle>(user is null ? MessageCode.AdminLocked : MessageCode.UserLocked);
        }

        var (enrollment, enrollmentHandle) = _tickets.New(FlowPurpose.EnrollmentTicket, ticket.Principal, _options.Flows.EnrollmentTicketLifetime);
        var changes = new AuthChanges()
            .Put(ticket with { Completed = true })
            .Put(enrollment)
            .Append(_audit.Entry(actor, purpose + "Complete", ticket.Principal, AuditOutcome.Succeeded));
        return await _commits.CommitAsync(changes, cancellationToken).ConfigureAwait(false) == CommitOutcome.Committed
            ? AuthResult.Ok(new FlowHandle(enrollmentHandle, enrollment.ExpiresAt))
            : AuthResult.Fail<FlowHandle>(MessageCode.FlowExpired);
    }

    /// <summary>What refuses enrollment for a principal whose credentials were right: accidents, states, the certificate flag.</summary>
    private static MessageCode? Refusal(Contract contract, User? user) => user is null
        ? contract switch
        {
            { AccidentRegistered: true } => MessageCode.AccidentRegistered,
            { State: not ContractState.Active } => MessageCode.ContractNotActive,
            _ => null,
        }
        : user.State == UserState.Deleted ? MessageCode.FlowExpired
        : UserGate.Refusal(contract, user, requireActive: false) ?? (user.IssueCertificate ? null : MessageCode.CertificateNotPermitted);
}
