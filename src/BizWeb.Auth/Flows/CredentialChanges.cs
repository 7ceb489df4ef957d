namespace BizWeb.Auth;

/// <summary>
/// Changes of one's own credentials (ご契約先認証情報変更, 利用者情報変更): the administrator's ③, ④ and
/// e-mail, a user's ⑤, ⑥ and e-mail. Each needs the current value, whose failures count toward the
/// lock. A PIN change renews the security stamp: the answer carries the refreshed sign-in.
/// </summary>
public sealed class CredentialChanges
{
    private readonly IPrincipalReader _principals;
    private readonly IPinHasher _hasher;
    private readonly KdfAdmission _admission;
    private readonly PinPolicy _pinPolicy;
    private readonly Committer _commits;
    private readonly AuditWriter _audit;
    private readonly BankClock _clock;
    private readonly PinGuard _pins;

    internal CredentialChanges(IPrincipalReader principals, IPinHasher hasher, KdfAdmission admission, PinPolicy pinPolicy, Committer commits, AuditWriter audit, BankClock clock, PinGuard pins)
    {
        _principals = principals;
        _hasher = hasher;
        _admission = admission;
        _pinPolicy = pinPolicy;
        _commits = commits;
        _audit = audit;
        _clock = clock;
        _pins = pins;
    }

    /// <summary>ご契約先暗証番号変更 (③), authorised by the current ③.</summary>
    /// <param name="admin">The signed-in administrator (the refreshed sign-in keeps its certificate binding).</param>
    /// <param name="currentPin">The current login PIN.</param>
    /// <param name="newPin">The new login PIN.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The refreshed sign-in, or the errors.</returns>
    public ValueTask<AuthResult<SignedInPrincipal>> ChangeAdminLoginPinAsync(SignedInAdministrator admin, string? currentPin, string? newPin, CancellationToken cancellationToken = default) =>
        ChangePinAsync(admin, Credential.AdminLoginPin, currentPin, newPin, cancellationToken);

    /// <summary>ご契約先確認暗証番号変更 (④), authorised by the current ④.</summary>
    /// <param name="admin">The signed-in administrator.</param>
    /// <param name="currentPin">The current confirmation PIN.</param>
    /// <param name="newPin">The new confirmation PIN.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The refreshed sign-in, or the errors.</returns>
    public ValueTask<AuthResult<SignedInPrincipal>> ChangeAdminConfirmationPinAsync(SignedInAdministrator admin, string? currentPin, string? newPin, CancellationToken cancellationToken = default) =>
        ChangePinAsync(admin, Credential.AdminConfirmationPin, currentPin, newPin, cancellationToken);

    /// <summary>利用者暗証番号変更 (⑤), authorised by the current ⑤.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="currentPin">The current login PIN.</param>
    /// <param name="newPin">The new login PIN.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The refreshed sign-in, or the errors.</returns>
    public ValueTask<AuthResult<SignedInPrincipal>> ChangeUserLoginPinAsync(SignedInUser user, string? currentPin, string? newPin, CancellationToken cancellationToken = default) =>
        ChangePinAsync(user, Credential.UserLoginPin, currentPin, newPin, cancellationToken);

    /// <summary>確認暗証番号変更 (⑥), authorised by the current ⑥.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="currentPin">The current confirmation PIN.</param>
    /// <param name="newPin">The new confirmation PIN.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The refreshed sign-in, or the errors.</returns>
    public ValueTask<AuthResult<SignedInPrincipal>> ChangeUserConfirmationPinAsync(SignedInUser user, string? currentPin, string? newPin, CancellationToken cancellationToken = default) =>
        ChangePinAsync(user, Credential.UserConfirmationPin, currentPin, newPin, cancellationToken);

    /// <summary>
    /// Eメールアドレス変更 of the administrator (authorised by ④) or a user (authorised by ⑥). The
    /// notification goes to the new address and, when there was one, to the old address too, so a
    /// hijacked account cannot silence its owner.
    /// </summary>
    /// <param name="caller">The signed-in administrator or user.</param>
    /// <param name="confirmationPin">④ or ⑥.</param>
    /// <param name="newEmail">The new address.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success or the errors.</returns>
    public async ValueTask<AuthResult> ChangeEmailAsync(SignedInCaller caller, string? confirmationPin, string? newEmail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var principal = caller.Principal;
        var input = new InputErrors();
        input.Email(newEmail, required: true);
        if (input.Any)
        {
            return AuthResult.Fail(input.Errors);
        }

        var credential = principal.IsAdministrator ? Credential.AdminConfirmationPin : Credential.UserConfirmationPin;
        var verified = await VerifyCurrentAsync(caller, credential, confirmationPin, cancellationToken).ConfigureAwait(false);
        if (!verified.Succeeded)
        {
            return verified;
        }

        var securityEvent = principal.IsAdministrator ? SecurityEvent.AdminEmailChanged : SecurityEvent.UserEmailChanged;
        return await _commits.CommitAsync<AuthResult>(
            async ct =>
            {
                var (contract, user) = await LoadAsync(principal, ct).ConfigureAwait(false);
                if (contract is null || (!principal.IsAdministrator && user is null))
                {
                    return Committer.Nothing(AuthResult.Fail(MessageCode.InvalidState));
                }

                var changes = new AuthChanges().Append(_audit.Entry(caller.Actor, securityEvent.ToString(), principal, AuditOutcome.Succeeded));
                var old = principal.IsAdministrator ? contract.AdminEmail : user!.Email;
                if (principal.IsAdministrator)
                {
                    changes.Put(contract with { AdminEmail = newEmail });
                }
                else
                {
                    changes.Put(user! with { Email = newEmail });
                }

                CredentialGuard.Enqueue(changes, SecurityNotices.For(_clock.Now, securityEvent, principal, newEmail));
                if (old is not null && !string.Equals(old, newEmail, StringComparison.OrdinalIgnoreCase))
                {
                    CredentialGuard.Enqueue(changes, SecurityNotices.For(_clock.Now, securityEvent, principal, old));
                }

                return (changes, AuthResult.Success);
            },
            () => AuthResult.Fail(MessageCode.ConcurrencyConflict),
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<AuthResult<SignedInPrincipal>> ChangePinAsync(SignedInCaller caller, Credential credential, string? currentPin, string? newPin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var principal = caller.Principal;
        var input = new InputErrors();
        input.Pin(_pinPolicy, newPin);
        if (input.Any)
        {
            return AuthResult.Fail<SignedInPrincipal>(input.Errors);
        }

        var verified = await VerifyCurrentAsync(caller, credential, currentPin, cancellationToken).ConfigureAwait(false);
        if (!verified.Succeeded)
        {
            return AuthResult.Fail<SignedInPrincipal>(verified.Errors);
        }

        if (await _admission.TryHashAsync(_hasher, [newPin!], cancellationToken).ConfigureAwait(false) is not [var hash])
        {
            return AuthResult.Fail<SignedInPrincipal>(MessageCode.ServiceBusy);
        }

        var securityEvent = credential switch
        {
            Credential.AdminLoginPin => SecurityEvent.AdminLoginPinChanged,
            Credential.AdminConfirmationPin => SecurityEvent.AdminConfirmationPinChanged,
            Credential.UserLoginPin => SecurityEvent.UserLoginPinChanged,
            _ => SecurityEvent.UserConfirmationPinChanged,
        };
        return await _commits.CommitAsync<AuthResult<SignedInPrincipal>>(
            async ct =>
            {
                var (contract, user) = await LoadAsync(principal, ct).ConfigureAwait(false);
                if (contract is null || (!principal.IsAdministrator && user is null))
                {
                    return Committer.Nothing(AuthResult.Fail<SignedInPrincipal>(MessageCode.InvalidState));
                }

                var stamp = SecurityStamps.New();
                var changes = new AuthChanges()
                    .ResetCounter(CounterKey.For(principal, credential))
                    .Append(_audit.Entry(caller.Actor, securityEvent.ToString(), principal, AuditOutcome.Succeeded));
                string? email;
                if (principal.IsAdministrator)
                {
                    changes.Put(credential == Credential.AdminLoginPin
                        ? contract with { AdminLoginPinHash = hash, SecurityStamp = stamp }
                        : contract with { AdminConfirmationPinHash = hash, SecurityStamp = stamp });
                    email = contract.AdminEmail;
                }
                else
                {
                    changes.Put(credential == Credential.UserLoginPin
                        ? user! with { LoginPinHash = hash, SecurityStamp = stamp }
                        : user! with { ConfirmationPinHash = hash, SecurityStamp = stamp });
                    email = user!.Email;
                }

                CredentialGuard.Enqueue(changes, SecurityNotices.For(_clock.Now, securityEvent, principal, email));
                return (changes, AuthResult.Ok(caller.Session with { SecurityStamp = stamp }));
            },
            () => AuthResult.Fail<SignedInPrincipal>(MessageCode.ConcurrencyConflict),
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<AuthResult> VerifyCurrentAsync(SignedInCaller caller, Credential credential, string? pin, CancellationToken cancellationToken)
    {
        var (principal, actor) = (caller.Principal, caller.Actor);
        if (string.IsNullOrEmpty(pin))
        {
            return AuthResult.Fail(MessageCode.PinRequired);
        }

        var action = credential + "Change";
        var check = principal.UserId is { } userId
            ? await _pins.CheckUserPinAsync(principal.ContractId, userId, credential, pin, actor, action, cancellationToken, caller: caller).ConfigureAwait(false)
            : await _pins.CheckContractPinAsync(principal.ContractId, credential, pin, actor, action, cancellationToken, caller).ConfigureAwait(false);
        if (!check.Verified)
        {
            var failed = credential is Credential.AdminConfirmationPin or Credential.UserConfirmationPin ? MessageCode.ConfirmationPinIncorrect : MessageCode.CurrentPinIncorrect;
            return AuthResult.Fail(check.Errors(failed, principal.IsAdministrator ? MessageCode.AdminLocked : MessageCode.UserLocked));
        }

        var refusal = check.User is { } user ? UserGate.Refusal(check.Contract!, user) : check.Contract! switch
        {
            { AccidentRegistered: true } => MessageCode.AccidentRegistered,
            { State: not ContractState.Active } => MessageCode.ContractNotActive,
            _ => (MessageCode?)null,
        };
        return refusal is { } code ? AuthResult.Fail(code) : AuthResult.Success;
    }

    private async ValueTask<(Contract? Contract, User? User)> LoadAsync(PrincipalId principal, CancellationToken cancellationToken)
    {
        var record = await _principals.FindAsync(principal, cancellationToken).ConfigureAwait(false);
        return (record?.Contract, record?.User);
    }
}
