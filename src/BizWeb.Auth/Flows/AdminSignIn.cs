using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BizWeb.Auth;

/// <summary>
/// Administrator login (管理者3-1 … 3-4): client certificate (CN contract id + bank code) → login PIN ③
/// → customer card ② → signed in.
/// </summary>
public sealed class AdminSignIn
{
    private readonly IContractStore _contracts;
    private readonly Committer _commits;
    private readonly AuditWriter _audit;
    private readonly BankClock _clock;
    private readonly CredentialGuard _guard;
    private readonly PinGuard _pins;
    private readonly Tickets _tickets;
    private readonly CertificateGate _gate;
    private readonly BizWebOptions _options;
    private readonly ILogger _logger;
    private readonly ICustomerCardVerifier? _card;

    internal AdminSignIn(IContractStore contracts, Committer commits, AuditWriter audit, BankClock clock, CredentialGuard guard, PinGuard pins, Tickets tickets, CertificateGate gate, IOptions<BizWebOptions> options, ICustomerCardVerifier? card, ILoggerFactory? loggerFactory = null)
    {
        _contracts = contracts;
        _commits = commits;
        _audit = audit;
        _clock = clock;
        _guard = guard;
        _pins = pins;
        _tickets = tickets;
        _gate = gate;
        _options = options.Value;
        _logger = AuthLog.Logger(loggerFactory);
        _card = card;
    }

    /// <summary>管理者3-2: the login PIN ③ after the certificate was selected.</summary>
    /// <param name="clientCertificate">The TLS client certificate.</param>
    /// <param name="loginPin">The login PIN typed.</param>
    /// <param name="actor">Who acts (anonymous, with the client address).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// The card challenge for 管理者3-3; or <see cref="MessageCode.CertificateNotAccepted"/>,
    /// <see cref="MessageCode.AdminSignInFailed"/>, <see cref="MessageCode.AdminLocked"/>,
    /// <see cref="MessageCode.AccidentRegistered"/>, <see cref="MessageCode.ContractNotActive"/>.
    /// </returns>
    public async ValueTask<AuthResult<SecondFactorStep>> VerifyPinAsync(X509Certificate2? clientCertificate, string? loginPin, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var record = await _gate.AuthenticateAsync(clientCertificate, administrator: true, actor, "AdminSignIn", cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return AuthResult.Fail<SecondFactorStep>(MessageCode.CertificateNotAccepted);
        }

        if (string.IsNullOrEmpty(loginPin))
        {
            return AuthResult.Fail<SecondFactorStep>(MessageCode.PinRequired);
        }

        var admin = record.Principal;
        var check = await _pins.CheckContractPinAsync(admin.ContractId, Credential.AdminLoginPin, loginPin, actor, "AdminSignIn", cancellationToken, loaded: record).ConfigureAwait(false);
        if (!check.Verified)
        {
            Count(check.Guard.Outcome.ToString());
            return AuthResult.Fail<SecondFactorStep>(check.Errors(MessageCode.AdminSignInFailed, MessageCode.AdminLocked));
        }

        var contract = check.Contract!;
        if (contract.AccidentRegistered || contract.State != ContractState.Active)
        {
            var code = contract.AccidentRegistered ? MessageCode.AccidentRegistered : MessageCode.ContractNotActive;
            await _audit.AppendAsync(_audit.Entry(actor, "AdminSignIn", admin, AuditOutcome.Refused, code), cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail<SecondFactorStep>(code);
        }

        var card = RequiredSeams.Require(_card);
        var (ticket, handle) = _tickets.New(FlowPurpose.AdminSignIn, admin, _options.Flows.StepLifetime, SignedInPrincipal.TicketValues(clientCertificate!));
        var challenge = await card.GetChallengeAsync(new SecondFactorContext(admin, FlowPurpose.AdminSignIn, ticket.Id, _clock.Now), cancellationToken).ConfigureAwait(false);
        if (challenge is null)
        {
            return AuthResult.Fail<SecondFactorStep>(MessageCode.SecondFactorNotRegistered);
        }

        ticket = Tickets.EndingWith(ticket, challenge);
        var audit = _audit.Entry(actor, "AdminSignInPin", admin, AuditOutcome.Succeeded);
        var changes = new AuthChanges().Put(ticket).Append(audit);
        if (check.Check!.Renewed is { } renewed)
        {
            changes.Put(contract with { AdminLoginPinHash = renewed });
        }

        if (await _commits.CommitAsync(changes, cancellationToken).ConfigureAwait(false) != CommitOutcome.Committed
            && (changes.Contracts.Count == 0
                || await _commits.CommitAsync(new AuthChanges().Put(ticket).Append(audit), cancellationToken).ConfigureAwait(false) != CommitOutcome.Committed))
        {
            // The contract changed meanwhile (the re-hash can wait for the next sign-in); only a lost ticket stops us.
            return AuthResult.Fail<SecondFactorStep>(MessageCode.ConcurrencyConflict);
        }

        return AuthResult.Ok(new SecondFactorStep(handle, challenge, ticket.ExpiresAt));
    }

    /// <summary>管理者3-3: the customer card answer; on success the administrator is signed in (管理者3-4).</summary>
    /// <param name="handle">The handle from <see cref="VerifyPinAsync"/>.</param>
    /// <param name="cardAnswer">The digits for the positions asked.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The sign-in; or <see cref="MessageCode.OneTimePasswordIncorrect"/>, <see cref="MessageCode.AdminLocked"/>, <see cref="MessageCode.FlowExpired"/>.</returns>
    public async ValueTask<AuthResult<SignedInPrincipal>> VerifyCardAsync(string? handle, string? cardAnswer, AuditActor actor, CancellationToken cancellationToken = default)
    {
        var ticket = await _tickets.FindOpenAsync(handle, FlowPurpose.AdminSignIn, 1, cancellationToken).ConfigureAwait(false);
        var contract = ticket is null ? null : await _contracts.FindAsync(ticket.Principal.ContractId, cancellationToken).ConfigureAwait(false);
        if (ticket is null || contract is null)
        {
            return AuthResult.Fail<SignedInPrincipal>(MessageCode.FlowExpired);
        }

        if (OneTimePasswordInput.Check(cardAnswer) is { } malformed)
        {
            return AuthResult.Fail<SignedInPrincipal>([malformed]);
        }

        var card = RequiredSeams.Require(_card);
        var context = new SecondFactorContext(ticket.Principal, FlowPurpose.AdminSignIn, ticket.Id, _clock.Now);
        var guard = await _guard.CheckAsync(contract, null, Credential.CustomerCard, actor, "AdminSignInCard",
            ct => card.VerifyAsync(context, cardAnswer ?? string.Empty, ct), cancellationToken).ConfigureAwait(false);
        AuthTelemetry.OtpVerifications.Add(1, AuthTelemetry.Tag("factor", "card"), AuthTelemetry.Tag("result", guard.Outcome.ToString()));
        switch (guard.Outcome)
        {
            case GuardOutcome.Failed:
                Count("Failed");
                return AuthResult.Fail<SignedInPrincipal>(MessageCode.OneTimePasswordIncorrect);
            case GuardOutcome.Busy:
                return AuthResult.Fail<SignedInPrincipal>(MessageCode.CredentialBusy);
            case GuardOutcome.Replayed:
                // A card verifier that tells a reused answer apart: never a sign-in, never a failure.
                return AuthResult.Fail<SignedInPrincipal>(MessageCode.OneTimePasswordReplayed);
            case GuardOutcome.Locked:
                Count("Locked");
                return AuthResult.Fail<SignedInPrincipal>(MessageCode.AdminLocked);
        }

        // Read again: an accident or a lock may have come between the PIN and the card.
        var current = await _contracts.FindAsync(ticket.Principal.ContractId, cancellationToken).ConfigureAwait(false);
        if (current is null || current.AccidentRegistered || current.State != ContractState.Active)
        {
            var code = current is { AccidentRegistered: true } ? MessageCode.AccidentRegistered : MessageCode.ContractNotActive;
            await _audit.AppendAsync(_audit.Entry(actor, "AdminSignInCard", ticket.Principal, AuditOutcome.Refused, code), cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail<SignedInPrincipal>(code);
        }

        var changes = new AuthChanges()
            .Put(ticket with { Completed = true })
            .Append(_audit.Entry(actor, "AdminSignInCard", ticket.Principal, AuditOutcome.Succeeded));
        if (await _commits.CommitAsync(changes, cancellationToken).ConfigureAwait(false) != CommitOutcome.Committed)
        {
            return AuthResult.Fail<SignedInPrincipal>(MessageCode.FlowExpired);
        }

        Count("Succeeded");
        return AuthResult.Ok(SignedInPrincipal.FromTicket(ticket, current.SecurityStamp));
    }

    private void Count(string outcome)
    {
        AuthTelemetry.SignIns.Add(1, AuthTelemetry.Tag("principal", "administrator"), AuthTelemetry.Tag("outcome", outcome));
        AuthLog.SignIn(_logger, "administrator", outcome);
    }
}
