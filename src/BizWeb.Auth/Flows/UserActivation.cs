using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace BizWeb.Auth;

/// <summary>
/// 利用者開通確認 (利用者7-1 … 7-5, <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §4 step 6): certificate + temporary login PIN → temporary
/// and new login PIN, temporary and new confirmation PIN, e-mail if none is registered → active.
/// An activation begun and not completed blocks a new one for the cooldown (Q5-5).
/// </summary>
public sealed class UserActivation
{
    private readonly IContractStore _contracts;
    private readonly IUserStore _users;
    private readonly IFlowTicketStore _ticketStore;
    private readonly IPinHasher _hasher;
    private readonly KdfAdmission _admission;
    private readonly PinPolicy _pinPolicy;
    private readonly Committer _commits;
    private readonly AuditWriter _audit;
    private readonly BankClock _clock;
    private readonly PinGuard _pins;
    private readonly Tickets _tickets;
    private readonly CertificateGate _gate;
    private readonly BizWebOptions _options;

    internal UserActivation(IContractStore contracts, IUserStore users, IFlowTicketStore ticketStore, IPinHasher hasher, KdfAdmission admission, PinPolicy pinPolicy, Committer commits, AuditWriter audit, BankClock clock, PinGuard pins, Tickets tickets, CertificateGate gate, IOptions<BizWebOptions> options)
    {
        _contracts = contracts;
        _users = users;
        _ticketStore = ticketStore;
        _hasher = hasher;
        _admission = admission;
        _pinPolicy = pinPolicy;
        _commits = commits;
        _audit = audit;
        _clock = clock;
        _pins = pins;
        _tickets = tickets;
        _gate = gate;
        _options = options.Value;
    }

    /// <summary>利用者7-3: the temporary login PIN after the certificate was selected.</summary>
    /// <param name="clientCertificate">The TLS client certificate.</param>
    /// <param name="temporaryLoginPin">The temporary login PIN the administrator gave.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The handle for 利用者7-4 and whether an e-mail address is registered already; or the errors.</returns>
    public async ValueTask<AuthResult<UserActivationStep>> BeginAsync(X509Certificate2? clientCertificate, string? temporaryLoginPin, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var record = await _gate.AuthenticateAsync(clientCertificate, administrator: false, actor, "UserActivationBegin", cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return AuthResult.Fail<UserActivationStep>(MessageCode.CertificateNotAccepted);
        }

        if (string.IsNullOrEmpty(temporaryLoginPin))
        {
            return AuthResult.Fail<UserActivationStep>(MessageCode.PinRequired);
        }

        var p = record.Principal;
        var check = await _pins.CheckUserPinAsync(p.ContractId, p.UserId!.Value, Credential.UserLoginPin, temporaryLoginPin, actor, "UserActivationBegin", cancellationToken, loaded: record).ConfigureAwait(false);
        if (!check.Verified)
        {
            return AuthResult.Fail<UserActivationStep>(check.Errors(MessageCode.UserSignInFailed, MessageCode.UserLocked));
        }

        var (contract, user) = (check.Contract!, check.User!);
        var refusal = user.State == UserState.Active ? MessageCode.AlreadyActivated : UserGate.Refusal(contract, user, requireActive: false);
        var latest = await _ticketStore.FindLatestAsync(p, FlowPurpose.UserActivation, cancellationToken).ConfigureAwait(false);
        if (refusal is null && latest is not null && latest.IsOpen(_clock.Now))
        {
            refusal = MessageCode.ActivationInterrupted;
        }

        if (refusal is { } code)
        {
            await _audit.AppendAsync(_audit.Entry(actor, "UserActivationBegin", p, AuditOutcome.Refused, code), cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail<UserActivationStep>(code);
        }

        var (ticket, handle) = _tickets.New(FlowPurpose.UserActivation, p, _options.Flows.InterruptedActivationCooldown, SignedInPrincipal.TicketValues(clientCertificate!));
        // Writing the user back unchanged serialises parallel begins: only one passes the cooldown check.
        var changes = new AuthChanges().Put(user).Put(ticket).Append(_audit.Entry(actor, "UserActivationBegin", p, AuditOutcome.Succeeded));
        return await _commits.CommitAsync(changes, cancellationToken).ConfigureAwait(false) == CommitOutcome.Committed
            ? AuthResult.Ok(new UserActivationStep(handle, ticket.ExpiresAt, user.Email is not null))
            : AuthResult.Fail<UserActivationStep>(MessageCode.ActivationInterrupted);
    }

    /// <summary>
    /// 利用者7-4: a. temporary login PIN, b. new login PIN, c. temporary confirmation PIN, d. new
    /// confirmation PIN, e. e-mail (required when none is registered). New PINs must differ from the
    /// temporary ones (Q5-4); equal login and confirmation PINs are allowed with a warning (Q5-3).
    /// </summary>
    /// <param name="handle">The handle from <see cref="BeginAsync"/>.</param>
    /// <param name="request">The fields typed.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The sign-in (利用者7-5 status screen), or the errors.</returns>
    public async ValueTask<AuthResult<SignedInPrincipal>> CompleteAsync(string? handle, UserActivationRequest request, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ticket = await _tickets.FindOpenAsync(handle, FlowPurpose.UserActivation, 1, cancellationToken).ConfigureAwait(false);
        var user = ticket is null ? null : await _users.FindAsync(ticket.Principal.ContractId, ticket.Principal.UserId!.Value, cancellationToken).ConfigureAwait(false);
        if (ticket is null || user is null)
        {
            return AuthResult.Fail<SignedInPrincipal>(MessageCode.FlowExpired);
        }

        var input = new InputErrors();
        input.Pin(_pinPolicy, request.NewLoginPin);
        input.Pin(_pinPolicy, request.NewConfirmationPin);
        input.Add(PinRules.CheckReplacesTemporary(request.NewLoginPin, request.TemporaryLoginPin));
        input.Add(PinRules.CheckReplacesTemporary(request.NewConfirmationPin, request.TemporaryConfirmationPin));
        input.Add(PinRules.CheckDistinct(request.NewLoginPin, request.NewConfirmationPin));
        input.Email(request.Email, required: user.Email is null);
        if (string.IsNullOrEmpty(request.TemporaryLoginPin) || string.IsNullOrEmpty(request.TemporaryConfirmationPin))
        {
            input.Add(MessageCode.PinRequired);
        }

        if (input.Any)
        {
            return AuthResult.Fail<SignedInPrincipal>(input.Errors);
        }

        var p = ticket.Principal;
        foreach (var (credential, pin) in new[] { (Credential.UserLoginPin, request.TemporaryLoginPin!), (Credential.UserConfirmationPin, request.TemporaryConfirmationPin!) })
        {
            var check = await _pins.CheckUserPinAsync(p.ContractId, p.UserId!.Value, credential, pin, actor, "UserActivationComplete", cancellationToken).ConfigureAwait(false);
            if (!check.Verified)
            {
                var failed = credential == Credential.UserLoginPin ? MessageCode.UserSignInFailed : MessageCode.ConfirmationPinIncorrect;
                return AuthResult.Fail<SignedInPrincipal>(check.Errors(failed, MessageCode.UserLocked));
            }
        }

        if (await _admission.TryHashAsync(_hasher, [request.NewLoginPin!, request.NewConfirmationPin!], cancellationToken).ConfigureAwait(false) is not [var loginHash, var confirmationHash])
        {
            return AuthResult.Fail<SignedInPrincipal>(MessageCode.ServiceBusy);
        }

        var result = await _commits.CommitAsync<AuthResult<SignedInPrincipal>>(
            async ct =>
            {
                var contract = await _contracts.FindAsync(p.ContractId, ct).ConfigureAwait(false);
                var current = await _users.FindAsync(p.ContractId, p.UserId!.Value, ct).ConfigureAwait(false);
                var open = await _ticketStore.FindByHandleHashAsync(ticket.HandleHash, ct).ConfigureAwait(false);
                if (contract is null || current is null || open is null || !open.IsOpen(_clock.Now))
                {
                    return Committer.Nothing(AuthResult.Fail<SignedInPrincipal>(MessageCode.FlowExpired));
                }

                if (UserGate.Refusal(contract, current, requireActive: false) is { } refusal)
                {
                    return Committer.Nothing(AuthResult.Fail<SignedInPrincipal>(refusal));
                }

                if (!current.TryApply(UserTrigger.Activated, _clock.Now, out var activated))
                {
                    return Committer.Nothing(AuthResult.Fail<SignedInPrincipal>(MessageCode.AlreadyActivated));
                }

                activated = activated with
                {
                    LoginPinHash = loginHash,
                    ConfirmationPinHash = confirmationHash,
                    Email = string.IsNullOrEmpty(request.Email) ? current.Email : request.Email,
                    SecurityStamp = SecurityStamps.New(),
                };
                var changes = new AuthChanges()
                    .Put(activated)
                    .Put(open with { Completed = true })
                    .ResetCounter(CounterKey.For(p, Credential.UserLoginPin))
                    .ResetCounter(CounterKey.For(p, Credential.UserConfirmationPin))
                    .Append(_audit.Entry(actor, "UserActivationComplete", p, AuditOutcome.Succeeded));
                CredentialGuard.Enqueue(changes, SecurityNotices.For(_clock.Now, SecurityEvent.UserActivated, p, activated.Email));
                return (changes, AuthResult.Ok(SignedInPrincipal.FromTicket(open, activated.SecurityStamp), input.Warnings));
            },
            () => AuthResult.Fail<SignedInPrincipal>(MessageCode.ConcurrencyConflict),
            cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            AuthTelemetry.Activations.Add(1, AuthTelemetry.Tag("principal", "user"));
        }

        return result;
    }
}
