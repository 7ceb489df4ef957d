using System.Globalization;
using Microsoft.Extensions.Options;

namespace BizWeb.Auth;

/// <summary>
/// 管理者開通確認 (管理者1-1 … 1-5, <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §4 step 1), also the re-activation after a bank unlock:
/// contract id + registration PIN ① → login PIN ③, confirmation PIN ④ (re-entering ①) and e-mail →
/// customer card ② → activated. Each step needs the handle of the step before. An activation begun
/// and not completed holds the contract for <see cref="FlowOptions.InterruptedActivationCooldown"/>
/// from its last step; a new one meanwhile gets <see cref="MessageCode.ActivationInterrupted"/>.
/// </summary>
public sealed class AdminActivation
{
    private const string LoginPinKey = "login";
    private const string ConfirmationPinKey = "confirmation";
    private const string EmailKey = "email";
    private const string RegistrationPinKey = "registration";
    private const string CardDeadlineKey = "card-deadline";
    private readonly IContractStore _contracts;
    private readonly IFlowTicketStore _ticketStore;
    private readonly IPinHasher _hasher;
    private readonly KdfAdmission _admission;
    private readonly PinPolicy _pinPolicy;
    private readonly Committer _commits;
    private readonly AuditWriter _audit;
    private readonly BankClock _clock;
    private readonly CredentialGuard _guard;
    private readonly PinGuard _pins;
    private readonly Tickets _tickets;
    private readonly BizWebOptions _options;
    private readonly ICustomerCardVerifier? _card;

    internal AdminActivation(IContractStore contracts, IFlowTicketStore ticketStore, IPinHasher hasher, KdfAdmission admission, PinPolicy pinPolicy, Committer commits, AuditWriter audit, BankClock clock, CredentialGuard guard, PinGuard pins, Tickets tickets, IOptions<BizWebOptions> options, ICustomerCardVerifier? card)
    {
        _contracts = contracts;
        _ticketStore = ticketStore;
        _hasher = hasher;
        _admission = admission;
        _pinPolicy = pinPolicy;
        _commits = commits;
        _audit = audit;
        _clock = clock;
        _guard = guard;
        _pins = pins;
        _tickets = tickets;
        _options = options.Value;
        _card = card;
    }

    /// <summary>管理者1-2: contract id and registration PIN ①.</summary>
    /// <param name="contractId">The contract id typed.</param>
    /// <param name="registrationPin">The registration PIN typed.</param>
    /// <param name="actor">Who acts (<see cref="AuditActor.Anonymous"/> with the client address).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The handle for 管理者1-3; or input errors, <see cref="MessageCode.AdminSignInFailed"/> (one message for
    /// an unknown contract and a wrong PIN), <see cref="MessageCode.AdminLocked"/>,
    /// <see cref="MessageCode.ActivationInterrupted"/>, <see cref="MessageCode.AlreadyActivated"/>,
    /// <see cref="MessageCode.AccidentRegistered"/>.
    /// </returns>
    public async ValueTask<AuthResult<FlowHandle>> BeginAsync(string? contractId, string? registrationPin, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var input = new InputErrors();
        var id = input.Take(ContractId.Parse(contractId));
        var pin = input.Take(RegistrationPin.Parse(registrationPin));
        if (input.Any)
        {
            return AuthResult.Fail<FlowHandle>(input.Errors);
        }

        var check = await _pins.CheckContractPinAsync(id, Credential.RegistrationPin, pin.Value, actor, "AdminActivationBegin", cancellationToken).ConfigureAwait(false);
        if (!check.Verified)
        {
            return AuthResult.Fail<FlowHandle>(check.Errors(MessageCode.AdminSignInFailed, MessageCode.AdminLocked));
        }

        var contract = check.Contract!;
        var admin = PrincipalId.Administrator(id);
        var refusal = contract switch
        {
            { AccidentRegistered: true } => MessageCode.AccidentRegistered,
            { State: ContractState.Active } => MessageCode.AlreadyActivated,
            _ => (MessageCode?)null,
        };
        var latest = await _ticketStore.FindLatestAsync(admin, FlowPurpose.AdminActivation, cancellationToken).ConfigureAwait(false);
        if (refusal is null && latest is not null && latest.IsOpen(_clock.Now))
        {
            refusal = MessageCode.ActivationInterrupted;
        }

        if (refusal is { } code)
        {
            await _audit.AppendAsync(_audit.Entry(actor, "AdminActivationBegin", admin, AuditOutcome.Refused, code), cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail<FlowHandle>(code);
        }

        var (ticket, handle) = _tickets.New(FlowPurpose.AdminActivation, admin, _options.Flows.InterruptedActivationCooldown,
            new Dictionary<string, string> { [RegistrationPinKey] = contract.RegistrationPinHash });
        // Writing the contract back unchanged serialises parallel begins: only one passes the cooldown check.
        var changes = new AuthChanges().Put(contract).Put(ticket).Append(_audit.Entry(actor, "AdminActivationBegin", admin, AuditOutcome.Succeeded));
        return await _commits.CommitAsync(changes, cancellationToken).ConfigureAwait(false) == CommitOutcome.Committed
            ? AuthResult.Ok(new FlowHandle(handle, ticket.ExpiresAt))
            : AuthResult.Fail<FlowHandle>(MessageCode.ActivationInterrupted);
    }

    /// <summary>
    /// 管理者1-3: re-enter ① (a.), choose the login PIN ③ (b.) and the confirmation PIN ④ (c.), and the
    /// e-mail address (d.). Answers the customer card positions to ask at 管理者1-4, with the same-PIN
    /// warning of the <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §3 when two PINs are equal.
    /// </summary>
    /// <param name="handle">The handle from <see cref="BeginAsync"/>.</param>
    /// <param name="registrationPin">① again.</param>
    /// <param name="loginPin">The new login PIN ③.</param>
    /// <param name="confirmationPin">The new confirmation PIN ④.</param>
    /// <param name="email">The administrator's e-mail address.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The card challenge, or the errors.</returns>
    public async ValueTask<AuthResult<SecondFactorStep>> SetCredentialsAsync(string? handle, string? registrationPin, string? loginPin, string? confirmationPin, string? email, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var ticket = await _tickets.FindOpenAsync(handle, FlowPurpose.AdminActivation, 1, cancellationToken).ConfigureAwait(false);
        if (ticket is null)
        {
            return AuthResult.Fail<SecondFactorStep>(MessageCode.FlowExpired);
        }

        var input = new InputErrors();
        var pin = input.Take(RegistrationPin.Parse(registrationPin));
        input.Pin(_pinPolicy, loginPin);
        input.Pin(_pinPolicy, confirmationPin);
        input.Email(email, required: true);
        if (input.Any)
        {
            return AuthResult.Fail<SecondFactorStep>(input.Errors);
        }

        var admin = ticket.Principal;
        var check = await _pins.CheckContractPinAsync(admin.ContractId, Credential.RegistrationPin, pin.Value, actor, "AdminActivationCredentials", cancellationToken).ConfigureAwait(false);
        if (!check.Verified)
        {
            return AuthResult.Fail<SecondFactorStep>(check.Errors(MessageCode.AdminSignInFailed, MessageCode.AdminLocked));
        }

        var card = RequiredSeams.Require(_card);
        var challenge = await card.GetChallengeAsync(new SecondFactorContext(admin, FlowPurpose.AdminActivation, ticket.Id, _clock.Now), cancellationToken).ConfigureAwait(false);
        if (challenge is null)
        {
            return AuthResult.Fail<SecondFactorStep>(MessageCode.SecondFactorNotRegistered);
        }

        if (await _admission.TryHashAsync(_hasher, [loginPin!, confirmationPin!], cancellationToken).ConfigureAwait(false) is not [var loginHash, var confirmationHash])
        {
            return AuthResult.Fail<SecondFactorStep>(MessageCode.ServiceBusy);
        }

        var now = _clock.Now;
        var holdsUntil = now + _options.Flows.InterruptedActivationCooldown;
        // 管理者1-4 can be answered while the card challenge lives; the ticket holds the contract for the cooldown.
        var answerBy = challenge.ExpiresAt < holdsUntil ? challenge.ExpiresAt : holdsUntil;
        var next = ticket with
        {
            Step = 2,
            LastStepAt = now,
            ExpiresAt = holdsUntil,
            Values = new Dictionary<string, string>
            {
                [RegistrationPinKey] = ticket.Values.GetValueOrDefault(RegistrationPinKey, string.Empty),
                [LoginPinKey] = loginHash,
                [ConfirmationPinKey] = confirmationHash,
                [EmailKey] = email!,
                [CardDeadlineKey] = answerBy.UtcTicks.ToString(CultureInfo.InvariantCulture),
            },
        };
        var changes = new AuthChanges().Put(next).Append(_audit.Entry(actor, "AdminActivationCredentials", admin, AuditOutcome.Succeeded));
        if (await _commits.CommitAsync(changes, cancellationToken).ConfigureAwait(false) != CommitOutcome.Committed)
        {
            return AuthResult.Fail<SecondFactorStep>(MessageCode.FlowExpired);
        }

        var warnings = PinRules.CheckDistinct(registrationPin, loginPin, confirmationPin).Warnings;
        return AuthResult.Ok(new SecondFactorStep(handle!, challenge, answerBy), warnings);
    }

    /// <summary>
    /// 管理者1-4: the customer card answer; on success the contract is active (管理者1-5). Once the card
    /// challenge has expired the step answers <see cref="MessageCode.FlowExpired"/> without judging or
    /// counting the answer, and ends this activation, so a new one can begin at once.
    /// </summary>
    /// <param name="handle">The handle from <see cref="BeginAsync"/>.</param>
    /// <param name="cardAnswer">The digits for the positions asked, in order.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Success; or <see cref="MessageCode.OneTimePasswordIncorrect"/>, <see cref="MessageCode.OneTimePasswordMalformed"/>
    /// (not counted), <see cref="MessageCode.AdminLocked"/>, <see cref="MessageCode.FlowExpired"/>.
    /// </returns>
    public async ValueTask<AuthResult> CompleteAsync(string? handle, string? cardAnswer, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var ticket = await _tickets.FindOpenAsync(handle, FlowPurpose.AdminActivation, 2, cancellationToken).ConfigureAwait(false);
        var contract = ticket is null ? null : await _contracts.FindAsync(ticket.Principal.ContractId, cancellationToken).ConfigureAwait(false);
        if (ticket is null || contract is null)
        {
            return AuthResult.Fail(MessageCode.FlowExpired);
        }

        if (IsPastCardDeadline(ticket))
        {
            // A late answer, right or wrong, is not a guess: nothing is evaluated or counted. The activation
            // ends here, and with it the interruption cooldown, so the person can start again at once.
            var ended = new AuthChanges()
                .Put(ticket with { Completed = true, Values = new Dictionary<string, string>() })
                .Append(_audit.Entry(actor, "AdminActivationComplete", ticket.Principal, AuditOutcome.Refused, MessageCode.FlowExpired));
            await _commits.CommitAsync(ended, cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail(MessageCode.FlowExpired);
        }

        if (OneTimePasswordInput.Check(cardAnswer) is { } malformed)
        {
            return AuthResult.Fail([malformed]);
        }

        var admin = ticket.Principal;
        var card = RequiredSeams.Require(_card);
        var context = new SecondFactorContext(admin, FlowPurpose.AdminActivation, ticket.Id, _clock.Now);
        var guard = await _guard.CheckAsync(contract, null, Credential.CustomerCard, actor, "AdminActivationComplete",
            ct => card.VerifyAsync(context, cardAnswer ?? string.Empty, ct), cancellationToken).ConfigureAwait(false);
        AuthTelemetry.OtpVerifications.Add(1, AuthTelemetry.Tag("factor", "card"), AuthTelemetry.Tag("result", guard.Outcome.ToString()));
        switch (guard.Outcome)
        {
            case GuardOutcome.Failed:
                return AuthResult.Fail(MessageCode.OneTimePasswordIncorrect);
            case GuardOutcome.Busy:
                return AuthResult.Fail(MessageCode.CredentialBusy);
            case GuardOutcome.Replayed:
                return AuthResult.Fail(MessageCode.OneTimePasswordReplayed);
            case GuardOutcome.Locked:
                return AuthResult.Fail(MessageCode.AdminLocked);
        }

        var result = await _commits.CommitAsync<AuthResult>(
            async ct =>
            {
                var current = await _contracts.FindAsync(admin.ContractId, ct).ConfigureAwait(false);
                var open = await _ticketStore.FindByHandleHashAsync(ticket.HandleHash, ct).ConfigureAwait(false);
                if (current is null || open is null || !open.IsOpen(_clock.Now)
                    || !string.Equals(open.Values.GetValueOrDefault(RegistrationPinKey), current.RegistrationPinHash, StringComparison.Ordinal))
                {
                    // Closed by the bank, or ① was reset since this activation began: it must start again.
                    return Committer.Nothing(AuthResult.Fail(MessageCode.FlowExpired));
                }

                if (current.AccidentRegistered)
                {
                    return Committer.Nothing(AuthResult.Fail(MessageCode.AccidentRegistered));
                }

                if (!current.TryApply(ContractTrigger.AdminActivated, out var activated))
                {
                    return Committer.Nothing(AuthResult.Fail(MessageCode.InvalidState));
                }

                activated = activated with
                {
                    AdminLoginPinHash = open.Values[LoginPinKey],
                    AdminConfirmationPinHash = open.Values[ConfirmationPinKey],
                    AdminEmail = open.Values[EmailKey],
                    SecurityStamp = SecurityStamps.New(),
                };
                var changes = new AuthChanges()
                    .Put(activated)
                    .Put(open with { Completed = true, Values = new Dictionary<string, string>() })
                    .ResetCounter(CounterKey.For(admin, Credential.AdminLoginPin))
                    .ResetCounter(CounterKey.For(admin, Credential.AdminConfirmationPin))
                    .Append(_audit.Entry(actor, "AdminActivationComplete", admin, AuditOutcome.Succeeded));
                CredentialGuard.Enqueue(changes, SecurityNotices.For(_clock.Now, SecurityEvent.AdminActivated, admin, activated.AdminEmail));
                return (changes, AuthResult.Success);
            },
            () => AuthResult.Fail(MessageCode.ConcurrencyConflict),
            cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            AuthTelemetry.Activations.Add(1, AuthTelemetry.Tag("principal", "administrator"));
        }

        return result;
    }

    /// <summary>Whether the card challenge shown at 管理者1-3 has expired (a ticket without the deadline answers by its own expiry).</summary>
    private bool IsPastCardDeadline(FlowTicket ticket) =>
        ticket.Values.TryGetValue(CardDeadlineKey, out var text)
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
        && _clock.Now.UtcTicks >= ticks;
}
