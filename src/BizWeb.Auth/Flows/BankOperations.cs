using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BizWeb.Auth;

/// <summary>
/// What the bank does on its operations terminal (運用端末, <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §1): create contracts, reset the
/// registration PIN, unlock, register and clear accidents. Every call names the operator in the
/// audit trail.
/// </summary>
public sealed class BankOperations
{
    private readonly IContractStore _contracts;
    private readonly IUserStore _users;
    private readonly IFlowTicketStore _ticketStore;
    private readonly IPinHasher _hasher;
    private readonly KdfAdmission _admission;
    private readonly Committer _commits;
    private readonly AuditWriter _audit;
    private readonly BankClock _clock;
    private readonly CredentialCounters _failureCounts;
    private readonly UserReleases _releases;
    private readonly BizWebOptions _options;
    private readonly ILogger _logger;
    private readonly ICertificateRevoker? _revoker;
    private readonly IContractSettingsStore _settings;

    internal BankOperations(IContractStore contracts, IUserStore users, IFlowTicketStore ticketStore, IPinHasher hasher, KdfAdmission admission, Committer commits, AuditWriter audit, BankClock clock, CredentialCounters failureCounts, UserReleases releases, IOptions<BizWebOptions> options, ICertificateRevoker? revoker, IContractSettingsStore settings, ILoggerFactory? loggerFactory = null)
    {
        _contracts = contracts;
        _users = users;
        _ticketStore = ticketStore;
        _hasher = hasher;
        _admission = admission;
        _commits = commits;
        _audit = audit;
        _clock = clock;
        _failureCounts = failureCounts;
        _releases = releases;
        _options = options.Value;
        _logger = AuthLog.Logger(loggerFactory);
        _revoker = revoker;
        _settings = settings;
    }

    /// <summary>
    /// Enables the services the contract applied for (from the catalogue of
    /// <see cref="TransactionOptions.Services"/>); the administrator can grant users only these (Q2-6).
    /// Withdrawing a service leaves users' grants in place, but they cannot use it.
    /// </summary>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="contractId">The contract.</param>
    /// <param name="services">The catalogue ids of the enabled services (replaces the previous set).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, <see cref="MessageCode.ServiceUnknown"/> or <see cref="MessageCode.ContractNotFound"/>.</returns>
    public async ValueTask<AuthResult> SetContractServicesAsync(BankOperator bankOperator, ContractId contractId, IReadOnlyList<string> services, CancellationToken cancellationToken = default)
    {
        var operatorActor = RequireOperator(bankOperator);
        IdGuard.Require(contractId);
        ArgumentNullException.ThrowIfNull(services);
        var store = _settings;
        if (services.Any(s => _options.Transactions.FindService(s) is null))
        {
            return Finish("ContractServicesChanged", AuthResult.Fail(MessageCode.ServiceUnknown));
        }

        IReadOnlyList<string> enabled = [.. services.Distinct(StringComparer.Ordinal)];
        var result = await _commits.CommitAsync<AuthResult>(
            async ct =>
            {
                if (await _contracts.FindAsync(contractId, ct).ConfigureAwait(false) is null)
                {
                    return Committer.Nothing(AuthResult.Fail(MessageCode.ContractNotFound));
                }

                var current = await store.FindAsync(contractId, ct).ConfigureAwait(false) ?? ContractSettings.Empty(contractId);
                var changes = new AuthChanges()
                    .Put(current with { EnabledServices = enabled })
                    .Append(_audit.Entry(operatorActor, "ContractServicesChanged", PrincipalId.Administrator(contractId), AuditOutcome.Succeeded));
                return (changes, AuthResult.Success);
            },
            () => AuthResult.Fail(MessageCode.ConcurrencyConflict),
            cancellationToken).ConfigureAwait(false);
        return Finish("ContractServicesChanged", result);
    }

    /// <summary>Creates a contract awaiting its administrator's activation.</summary>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="contractId">The 11-digit contract id.</param>
    /// <param name="registrationPin">The 4-digit registration PIN ① from the application form.</param>
    /// <param name="lockoutMode">Linked or unlinked lockout.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or the input errors, or <see cref="MessageCode.ContractIdAlreadyExists"/>, or <see cref="MessageCode.ServiceBusy"/>.</returns>
    public async ValueTask<AuthResult> CreateContractAsync(BankOperator bankOperator, string? contractId, string? registrationPin, LockoutMode lockoutMode, CancellationToken cancellationToken = default)
    {
        var operatorActor = RequireOperator(bankOperator);
        var input = new InputErrors();
        var id = input.Take(ContractId.Parse(contractId));
        var pin = input.Take(RegistrationPin.Parse(registrationPin));
        if (!Enum.IsDefined(lockoutMode))
        {
            input.Add(MessageCode.InvalidState);
        }

        if (input.Any)
        {
            return AuthResult.Fail(input.Errors);
        }

        if (await _admission.TryHashAsync(_hasher, [pin.Value], cancellationToken).ConfigureAwait(false) is not [var hash])
        {
            return Finish("ContractCreated", AuthResult.Fail(MessageCode.ServiceBusy));
        }

        var contract = new Contract
        {
            Id = id,
            LockoutMode = lockoutMode,
            State = ContractState.AwaitingAdminActivation,
            RegistrationPinHash = hash,
            SecurityStamp = SecurityStamps.New(),
            CreatedAt = _clock.Now,
        };
        var changes = new AuthChanges()
            .Put(contract)
            .ResetCounter(CounterKey.For(PrincipalId.Administrator(id), Credential.RegistrationPin))
            .Append(_audit.Entry(operatorActor, "ContractCreated", PrincipalId.Administrator(id), AuditOutcome.Succeeded));
        var outcome = await _commits.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
        return Finish("ContractCreated", outcome == CommitOutcome.Committed ? AuthResult.Success : AuthResult.Fail(MessageCode.ContractIdAlreadyExists));
    }

    /// <summary>Sets a new registration PIN ① (e.g. the administrator forgot it) and clears its failures.</summary>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="contractId">The contract.</param>
    /// <param name="registrationPin">The new 4-digit registration PIN.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success or the reason.</returns>
    public async ValueTask<AuthResult> ResetRegistrationPinAsync(BankOperator bankOperator, ContractId contractId, string? registrationPin, CancellationToken cancellationToken = default)
    {
        var operatorActor = RequireOperator(bankOperator);
        IdGuard.Require(contractId);
        var input = new InputErrors();
        var pin = input.Take(RegistrationPin.Parse(registrationPin));
        if (input.Any)
        {
            return AuthResult.Fail(input.Errors);
        }

        if (await _admission.TryHashAsync(_hasher, [pin.Value], cancellationToken).ConfigureAwait(false) is not [var hash])
        {
            return Finish("RegistrationPinReset", AuthResult.Fail(MessageCode.ServiceBusy));
        }

        return await ChangeContractAsync(operatorActor, contractId, "RegistrationPinReset", c => (c with { RegistrationPinHash = hash }, null),
            [CounterKey.For(PrincipalId.Administrator(contractId), Credential.RegistrationPin)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Unlocks a stopped contract (暗証番号ロック解除): clears the failures of ① ② ③ ④ and moves it
    /// to <see cref="ContractState.AwaitingReactivation"/>; the administrator must activate again
    /// (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §5). Users suspended in linked mode stay suspended until the administrator releases them.
    /// </summary>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="contractId">The contract.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or <see cref="MessageCode.InvalidState"/> when the contract is not stopped.</returns>
    public async ValueTask<AuthResult> UnlockContractAsync(BankOperator bankOperator, ContractId contractId, CancellationToken cancellationToken = default)
    {
        var operatorActor = RequireOperator(bankOperator);
        IdGuard.Require(contractId);
        var admin = PrincipalId.Administrator(contractId);
        string[] keys = [.. new[] { Credential.RegistrationPin, Credential.CustomerCard, Credential.AdminLoginPin, Credential.AdminConfirmationPin }.Select(c => CounterKey.For(admin, c))];
        var contract = await _contracts.FindAsync(contractId, cancellationToken).ConfigureAwait(false);
        if (contract is { State: not ContractState.Stopped }
            && await _failureCounts.AnyAtLimitAsync(keys, cancellationToken).ConfigureAwait(false))
        {
            // A lock whose commit failed (a database error at the seventh failure) left a counter at
            // the limit with the contract not stopped: the credential refuses every guess. Clear it.
            return Finish("ContractFailuresReset", await _failureCounts.ResetAsync(operatorActor, admin, keys, cancellationToken).ConfigureAwait(false));
        }

        var result = await ChangeContractAsync(operatorActor, contractId, "ContractUnlocked",
            c => c.TryApply(ContractTrigger.BankUnlocked, out var unlocked) ? (unlocked, SecurityEvent.PinLockReleased) : ((Contract?)null, null),
            keys,
            cancellationToken,
            unlock: true).ConfigureAwait(false);
        return result;
    }

    /// <summary>Releases a suspended user on the administrator's behalf and clears the user's failures.</summary>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="contractId">The contract.</param>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or the reason.</returns>
    public async ValueTask<AuthResult> UnlockUserAsync(BankOperator bankOperator, ContractId contractId, UserId userId, CancellationToken cancellationToken = default)
    {
        var operatorActor = RequireOperator(bankOperator);
        IdGuard.Require(contractId);
        IdGuard.Require(userId);
        var result = await _releases.ReleaseAsync(operatorActor, contractId, userId, cancellationToken).ConfigureAwait(false);
        return Finish("UserUnlocked", result);
    }

    /// <summary>事故登録 on a contract (<paramref name="userId"/> null) or a user: refuses every sign-in and operation until cleared.</summary>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="contractId">The contract.</param>
    /// <param name="userId">The user, or <see langword="null"/> for the whole contract.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or the reason.</returns>
    public async ValueTask<AuthResult> RegisterAccidentAsync(BankOperator bankOperator, ContractId contractId, UserId? userId, CancellationToken cancellationToken = default)
    {
        var operatorActor = RequireOperator(bankOperator);
        var result = await SetAccidentAsync(operatorActor, contractId, userId, true, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded && _options.RevokeCertificatesOnAccident && _revoker is not null)
        {
            await _revoker.RevokeCurrentAsync(new PrincipalId(contractId, userId), CertificateRevocationCause.AccidentRegistered, operatorActor, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>事故登録解除: clears an accident registered with <see cref="RegisterAccidentAsync"/>.</summary>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="contractId">The contract.</param>
    /// <param name="userId">The user, or <see langword="null"/> for the whole contract.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or the reason.</returns>
    public ValueTask<AuthResult> ClearAccidentAsync(BankOperator bankOperator, ContractId contractId, UserId? userId, CancellationToken cancellationToken = default) =>
        SetAccidentAsync(RequireOperator(bankOperator), contractId, userId, false, cancellationToken);

    private async ValueTask<AuthResult> SetAccidentAsync(AuditActor operatorActor, ContractId contractId, UserId? userId, bool registered, CancellationToken cancellationToken)
    {
        IdGuard.Require(contractId);
        IdGuard.Require(userId);
        var action = registered ? "AccidentRegistered" : "AccidentCleared";
        var securityEvent = registered ? SecurityEvent.AccidentRegistered : SecurityEvent.AccidentCleared;
        if (userId is null)
        {
            return await ChangeContractAsync(operatorActor, contractId, action,
                c => c.AccidentRegistered == registered ? (null, null) : (c with { AccidentRegistered = registered, SecurityStamp = SecurityStamps.New() }, securityEvent),
                [], cancellationToken).ConfigureAwait(false);
        }

        var result = await _commits.CommitAsync<AuthResult>(
            async ct =>
            {
                var contract = await _contracts.FindAsync(contractId, ct).ConfigureAwait(false);
                var user = contract is null ? null : await _users.FindAsync(contractId, userId.Value, ct).ConfigureAwait(false);
                if (contract is null || user is null || user.State == UserState.Deleted)
                {
                    return Committer.Nothing(AuthResult.Fail(contract is null ? MessageCode.ContractNotFound : MessageCode.UserNotFound));
                }

                if (user.AccidentRegistered == registered)
                {
                    return Committer.Nothing(AuthResult.Fail(MessageCode.InvalidState));
                }

                var changes = new AuthChanges()
                    .Put(user with { AccidentRegistered = registered, SecurityStamp = SecurityStamps.New() })
                    .Append(_audit.Entry(operatorActor, action, user.Principal, AuditOutcome.Succeeded));
                CredentialGuard.Enqueue(changes, SecurityNotices.For(_clock.Now, securityEvent, PrincipalId.Administrator(contractId), contract.AdminEmail));
                return (changes, AuthResult.Success);
            },
            () => AuthResult.Fail(MessageCode.ConcurrencyConflict),
            cancellationToken).ConfigureAwait(false);
        return Finish(action, result);
    }

    /// <summary>
    /// Ends an administrator activation in progress (e.g. one the bank suspects was begun by someone
    /// else), so that the interrupted-activation cooldown no longer blocks the real administrator.
    /// Resetting the registration PIN, unlocking and registering an accident do the same on their own.
    /// </summary>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="contractId">The contract.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or <see cref="MessageCode.InvalidState"/> when no activation is in progress.</returns>
    public async ValueTask<AuthResult> CancelActivationAsync(BankOperator bankOperator, ContractId contractId, CancellationToken cancellationToken = default)
    {
        var operatorActor = RequireOperator(bankOperator);
        IdGuard.Require(contractId);
        var result = await _commits.CommitAsync<AuthResult>(
            async ct =>
            {
                var changes = new AuthChanges();
                if (!await CloseOpenActivationAsync(changes, contractId, ct).ConfigureAwait(false))
                {
                    return Committer.Nothing(AuthResult.Fail(MessageCode.InvalidState));
                }

                changes.Append(_audit.Entry(operatorActor, "AdminActivationCancelled", PrincipalId.Administrator(contractId), AuditOutcome.Succeeded));
                return (changes, AuthResult.Success);
            },
            () => AuthResult.Fail(MessageCode.ConcurrencyConflict),
            cancellationToken).ConfigureAwait(false);
        return Finish("AdminActivationCancelled", result);
    }

    private async ValueTask<bool> CloseOpenActivationAsync(AuthChanges changes, ContractId contractId, CancellationToken cancellationToken)
    {
        var open = await _ticketStore.FindLatestAsync(PrincipalId.Administrator(contractId), FlowPurpose.AdminActivation, cancellationToken).ConfigureAwait(false);
        if (open is null || !open.IsOpen(_clock.Now))
        {
            return false;
        }

        changes.Put(open with { Completed = true, Values = new Dictionary<string, string>() });
        return true;
    }

    private async ValueTask<AuthResult> ChangeContractAsync(
        AuditActor operatorActor,
        ContractId contractId,
        string action,
        Func<Contract, (Contract? Next, SecurityEvent? Event)> change,
        IReadOnlyList<string> counterResets,
        CancellationToken cancellationToken,
        bool unlock = false)
    {
        var result = await _commits.CommitAsync<AuthResult>(
            async ct =>
            {
                var contract = await _contracts.FindAsync(contractId, ct).ConfigureAwait(false);
                if (contract is null)
                {
                    return Committer.Nothing(AuthResult.Fail(MessageCode.ContractNotFound));
                }

                var (next, securityEvent) = change(contract);
                if (next is null)
                {
                    return Committer.Nothing(AuthResult.Fail(MessageCode.InvalidState));
                }

                var changes = new AuthChanges().Put(next).Append(_audit.Entry(operatorActor, action, PrincipalId.Administrator(contractId), AuditOutcome.Succeeded));
                await CloseOpenActivationAsync(changes, contractId, ct).ConfigureAwait(false);
                foreach (var key in counterResets)
                {
                    changes.ResetCounter(key);
                }

                if (securityEvent is { } e)
                {
                    CredentialGuard.Enqueue(changes, SecurityNotices.For(_clock.Now, e, PrincipalId.Administrator(contractId), contract.AdminEmail));
                }

                return (changes, AuthResult.Success);
            },
            () => AuthResult.Fail(MessageCode.ConcurrencyConflict),
            cancellationToken).ConfigureAwait(false);
        if (unlock && result.Succeeded)
        {
            AuthTelemetry.Unlocks.Add(1, AuthTelemetry.Tag("scope", "contract"));
        }

        return Finish(action, result);
    }

    private AuthResult Finish(string action, AuthResult result)
    {
        AuthLog.BankOperation(_logger, action, result.Succeeded ? AuditOutcome.Succeeded : AuditOutcome.Refused);
        return result;
    }

    private static AuditActor RequireOperator(BankOperator bankOperator)
    {
        ArgumentNullException.ThrowIfNull(bankOperator);
        return bankOperator.Actor;
    }
}
