using Microsoft.Extensions.Options;

namespace BizWeb.Auth;

/// <summary>
/// The administrator's user management (管理者4-1 … 4-3, 5-1): register, change, delete (抹消), reset a
/// forgotten user's PINs, release a suspension (利用中止解除). Every change is authorised by the
/// confirmation PIN ④, whose failures count toward the contract lock.
/// </summary>
public sealed class UserAdministration
{
    private readonly AdminAuthorization _authorization;
    private readonly IContractStore _contracts;
    private readonly IUserStore _users;
    private readonly IPinHasher _hasher;
    private readonly KdfAdmission _admission;
    private readonly PinPolicy _pinPolicy;
    private readonly Committer _commits;
    private readonly AuditWriter _audit;
    private readonly BankClock _clock;
    private readonly UserReleases _releases;
    private readonly BizWebOptions _options;
    private readonly ICertificateRevoker? _revoker;
    private readonly IContractSettingsStore _settings;

    internal UserAdministration(AdminAuthorization authorization, IContractStore contracts, IUserStore users, IPinHasher hasher, KdfAdmission admission, PinPolicy pinPolicy, Committer commits, AuditWriter audit, BankClock clock, UserReleases releases, IOptions<BizWebOptions> options, ICertificateRevoker? revoker, IContractSettingsStore settings)
    {
        _authorization = authorization;
        _contracts = contracts;
        _users = users;
        _hasher = hasher;
        _admission = admission;
        _pinPolicy = pinPolicy;
        _commits = commits;
        _audit = audit;
        _clock = clock;
        _releases = releases;
        _options = options.Value;
        _revoker = revoker;
        _settings = settings;
    }

    /// <summary>The contract's users, deleted ones left out, ordered by user id.</summary>
    /// <param name="admin">The signed-in administrator.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The users.</returns>
    public async ValueTask<IReadOnlyList<UserSummary>> ListAsync(SignedInAdministrator admin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var users = await _users.ListAsync(admin.ContractId, cancellationToken).ConfigureAwait(false);
        return [.. users.Where(u => u.State != UserState.Deleted).Select(UserSummary.Of)];
    }

    /// <summary>
    /// 新規登録: registers a user with temporary PINs. User id rules of the <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §2: unique in the
    /// contract, not the contract id, and a deleted id is refused until the following Monday 00:00
    /// in the bank's time zone — all with 「入力された利用者ＩＤはすでに使用されています。」.
    /// </summary>
    /// <param name="admin">The signed-in administrator.</param>
    /// <param name="registration">The fields typed.</param>
    /// <param name="confirmationPin">④ (管理者4-2 j.).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success (with the same-PIN warning when the two temporary PINs are equal), or the errors.</returns>
    public async ValueTask<AuthResult> RegisterAsync(SignedInAdministrator admin, UserRegistration registration, string? confirmationPin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(registration);
        var input = new InputErrors();
        var userId = input.Take(UserId.Parse(registration.UserId));
        input.Name(registration.NameKana, required: true);
        input.Name(registration.NameKanji, required: false);
        input.Pin(_pinPolicy, registration.TemporaryLoginPin);
        input.Pin(_pinPolicy, registration.TemporaryConfirmationPin);
        input.Email(registration.Email);
        TransactionInput.Grants(input, _options.Transactions, registration.GrantedServices, registration.ServiceLimits);
        if (input.Any)
        {
            return AuthResult.Fail(input.Errors);
        }

        var (authorised, _) = await _authorization.VerifyAsync(admin, confirmationPin, "UserRegister", cancellationToken).ConfigureAwait(false);
        if (!authorised.Succeeded)
        {
            return authorised;
        }

        if (await _admission.TryHashAsync(_hasher, [registration.TemporaryLoginPin!, registration.TemporaryConfirmationPin!], cancellationToken).ConfigureAwait(false) is not [var loginHash, var confirmationHash])
        {
            return AuthResult.Fail(MessageCode.ServiceBusy);
        }

        var warnings = PinRules.CheckDistinct(registration.TemporaryLoginPin, registration.TemporaryConfirmationPin).Warnings;
        var result = await _commits.CommitAsync<AuthResult>(
            async ct =>
            {
                var contract = await _contracts.FindAsync(admin.ContractId, ct).ConfigureAwait(false);
                if (contract is null)
                {
                    return Committer.Nothing(AuthResult.Fail(MessageCode.ContractNotFound));
                }

                var existing = await _users.FindAsync(admin.ContractId, userId, ct).ConfigureAwait(false);
                var now = _clock.Now;
                if (string.Equals(userId.ToString(), admin.ContractId.ToString(), StringComparison.Ordinal)
                    || (existing is not null && (existing.State != UserState.Deleted || now < UserIdQuarantine.ReleasedAt(existing.DeletedAt!.Value, _clock.TimeZone))))
                {
                    return Committer.Nothing(AuthResult.Fail(MessageCode.UserIdAlreadyUsed));
                }

                var settings = await SettingsAsync(admin.ContractId, ct).ConfigureAwait(false);
                if (!Contracted(settings, registration.GrantedServices))
                {
                    return Committer.Nothing(AuthResult.Fail(MessageCode.ServiceNotContracted));
                }

                var users = await _users.ListAsync(admin.ContractId, ct).ConfigureAwait(false);
                if (users.Count(u => u.State != UserState.Deleted) >= _options.MaxUsersPerContract)
                {
                    return Committer.Nothing(AuthResult.Fail([MessageCatalog.Format(MessageCode.UserLimitReached, _options.MaxUsersPerContract, 0)]));
                }

                var user = new User
                {
                    ContractId = admin.ContractId,
                    Id = userId,
                    NameKana = registration.NameKana!,
                    NameKanji = string.IsNullOrEmpty(registration.NameKanji) ? null : registration.NameKanji,
                    LoginPinHash = loginHash,
                    ConfirmationPinHash = confirmationHash,
                    Email = string.IsNullOrEmpty(registration.Email) ? null : registration.Email,
                    IssueCertificate = registration.IssueCertificate,
                    GrantedServices = [.. registration.GrantedServices],
                    ServiceLimits = Copy(registration.ServiceLimits),
                    State = UserState.Registered,
                    SecurityStamp = SecurityStamps.New(),
                    CreatedAt = now,
                    Version = existing?.Version ?? 0,
                };
                // Writing the contract back unchanged serialises registrations, so the user limit holds under concurrency.
                var changes = new AuthChanges()
                    .Put(contract)
                    .Put(user)
                    .Put(settings)
                    .Append(_audit.Entry(admin.Actor, "UserRegistered", user.Principal, AuditOutcome.Succeeded));
                foreach (var credential in new[] { Credential.UserLoginPin, Credential.UserConfirmationPin, Credential.HardwareToken })
                {
                    changes.ResetCounter(CounterKey.For(user.Principal, credential));
                }

                CredentialGuard.Enqueue(changes, SecurityNotices.For(_clock.Now, SecurityEvent.UserRegistered, admin.Principal, contract.AdminEmail));
                return (changes, AuthResult.SuccessWith(warnings));
            },
            () => AuthResult.Fail(MessageCode.ConcurrencyConflict),
            cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>変更: changes a user's names, e-mail, certificate flag and services.</summary>
    /// <param name="admin">The signed-in administrator.</param>
    /// <param name="userId">The user.</param>
    /// <param name="change">The new values.</param>
    /// <param name="confirmationPin">④.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success or the errors.</returns>
    public async ValueTask<AuthResult> ChangeAsync(SignedInAdministrator admin, UserId userId, UserChange change, string? confirmationPin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        IdGuard.Require(userId);
        ArgumentNullException.ThrowIfNull(change);
        var input = new InputErrors();
        input.Name(change.NameKana, required: true);
        input.Name(change.NameKanji, required: false);
        input.Email(change.Email);
        TransactionInput.Grants(input, _options.Transactions, change.GrantedServices, change.ServiceLimits);
        if (input.Any)
        {
            return AuthResult.Fail(input.Errors);
        }

        var withdrawn = false;
        User Apply(User user)
        {
            withdrawn = user.IssueCertificate && !change.IssueCertificate;
            return user with
            {
                NameKana = change.NameKana!,
                NameKanji = string.IsNullOrEmpty(change.NameKanji) ? null : change.NameKanji,
                Email = string.IsNullOrEmpty(change.Email) ? null : change.Email,
                IssueCertificate = change.IssueCertificate,
                GrantedServices = [.. change.GrantedServices],
                ServiceLimits = Copy(change.ServiceLimits),
                SecurityStamp = SecurityStamps.New(),
            };
        }

        var result = await ChangeUserAsync(admin, userId, confirmationPin, "UserChanged", SecurityEvent.UserChanged, Apply, [], cancellationToken, change.GrantedServices).ConfigureAwait(false);
        if (result.Succeeded && withdrawn)
        {
            await RevokeAsync(PrincipalId.User(admin.ContractId, userId), CertificateRevocationCause.CertificateWithdrawn, admin.Actor, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// 利用者情報登録抹消: deletes a user. The user id stays quarantined until the following Monday
    /// 00:00 in the bank's time zone (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §2).
    /// </summary>
    /// <param name="admin">The signed-in administrator.</param>
    /// <param name="userId">The user.</param>
    /// <param name="confirmationPin">④.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success or the errors.</returns>
    public async ValueTask<AuthResult> DeleteAsync(SignedInAdministrator admin, UserId userId, string? confirmationPin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        IdGuard.Require(userId);
        var result = await ChangeUserAsync(admin, userId, confirmationPin, "UserDeleted", SecurityEvent.UserDeleted,
            user => user.TryApply(UserTrigger.Deleted, _clock.Now, out var deleted) ? deleted : null,
            [Credential.UserLoginPin, Credential.UserConfirmationPin, Credential.HardwareToken], cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await RevokeAsync(PrincipalId.User(admin.ContractId, userId), CertificateRevocationCause.PrincipalDeleted, admin.Actor, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// Sets new PINs for a user who forgot them (Q4-1): the user signs in and transacts with them; no
    /// user activation is needed. Clears the failures of ⑤ and ⑥; a suspension stays until released.
    /// </summary>
    /// <param name="admin">The signed-in administrator.</param>
    /// <param name="userId">The user.</param>
    /// <param name="loginPin">The new login PIN ⑤.</param>
    /// <param name="confirmationPin">The new confirmation PIN ⑥.</param>
    /// <param name="adminConfirmationPin">④.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success (with the same-PIN warning), or the errors.</returns>
    public async ValueTask<AuthResult> ResetPinsAsync(SignedInAdministrator admin, UserId userId, string? loginPin, string? confirmationPin, string? adminConfirmationPin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        IdGuard.Require(userId);
        var input = new InputErrors();
        input.Pin(_pinPolicy, loginPin);
        input.Pin(_pinPolicy, confirmationPin);
        if (input.Any)
        {
            return AuthResult.Fail(input.Errors);
        }

        if (await _admission.TryHashAsync(_hasher, [loginPin!, confirmationPin!], cancellationToken).ConfigureAwait(false) is not [var loginHash, var confirmationHash])
        {
            return AuthResult.Fail(MessageCode.ServiceBusy);
        }

        var result = await ChangeUserAsync(admin, userId, adminConfirmationPin, "UserPinsReset", SecurityEvent.UserChanged,
            user => user with { LoginPinHash = loginHash, ConfirmationPinHash = confirmationHash, SecurityStamp = SecurityStamps.New() },
            [Credential.UserLoginPin, Credential.UserConfirmationPin], cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? AuthResult.SuccessWith(PinRules.CheckDistinct(loginPin, confirmationPin).Warnings) : result;
    }

    /// <summary>利用中止解除: releases a suspended user and clears the user's failures (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §5).</summary>
    /// <param name="admin">The signed-in administrator.</param>
    /// <param name="userId">The user.</param>
    /// <param name="confirmationPin">④.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success, or <see cref="MessageCode.InvalidState"/> when the user is not suspended.</returns>
    public async ValueTask<AuthResult> ReleaseSuspensionAsync(SignedInAdministrator admin, UserId userId, string? confirmationPin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        IdGuard.Require(userId);
        var (authorised, _) = await _authorization.VerifyAsync(admin, confirmationPin, "UserRelease", cancellationToken).ConfigureAwait(false);
        return authorised.Succeeded
            ? await _releases.ReleaseAsync(admin.Actor, admin.ContractId, userId, cancellationToken).ConfigureAwait(false)
            : authorised;
    }

    private async ValueTask<AuthResult> ChangeUserAsync(
        SignedInAdministrator admin,
        UserId userId,
        string? confirmationPin,
        string action,
        SecurityEvent securityEvent,
        Func<User, User?> change,
        IReadOnlyList<Credential> counterResets,
        CancellationToken cancellationToken,
        IReadOnlyList<string>? grantedServices = null)
    {
        var (authorised, _) = await _authorization.VerifyAsync(admin, confirmationPin, action, cancellationToken).ConfigureAwait(false);
        if (!authorised.Succeeded)
        {
            return authorised;
        }

        return await _commits.CommitAsync<AuthResult>(
            async ct =>
            {
                var contract = await _contracts.FindAsync(admin.ContractId, ct).ConfigureAwait(false);
                var user = await _users.FindAsync(admin.ContractId, userId, ct).ConfigureAwait(false);
                if (contract is null || user is null || user.State == UserState.Deleted)
                {
                    return Committer.Nothing(AuthResult.Fail(MessageCode.UserNotFound));
                }

                if (change(user) is not { } next)
                {
                    return Committer.Nothing(AuthResult.Fail(MessageCode.InvalidState));
                }

                var changes = new AuthChanges().Put(next).Append(_audit.Entry(admin.Actor, action, user.Principal, AuditOutcome.Succeeded));
                if (grantedServices is not null)
                {
                    // Granting a service the contract has not applied for is refused (Q2-6); writing the
                    // settings back unchanged serialises the grant with the bank's change of services.
                    var settings = await SettingsAsync(admin.ContractId, ct).ConfigureAwait(false);
                    if (!Contracted(settings, grantedServices))
                    {
                        return Committer.Nothing(AuthResult.Fail(MessageCode.ServiceNotContracted));
                    }

                    changes.Put(settings);
                }
                foreach (var credential in counterResets)
                {
                    changes.ResetCounter(CounterKey.For(user.Principal, credential));
                }

                CredentialGuard.Enqueue(changes, SecurityNotices.For(_clock.Now, securityEvent, admin.Principal, contract.AdminEmail));
                return (changes, AuthResult.Success);
            },
            () => AuthResult.Fail(MessageCode.ConcurrencyConflict),
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<ContractSettings> SettingsAsync(ContractId contractId, CancellationToken cancellationToken) =>
        await _settings.FindAsync(contractId, cancellationToken).ConfigureAwait(false) ?? ContractSettings.Empty(contractId);

    private static bool Contracted(ContractSettings settings, IReadOnlyList<string> services) =>
        services.All(s => settings.EnabledServices.Contains(s, StringComparer.Ordinal));

    private static Dictionary<string, TransferLimit> Copy(IReadOnlyDictionary<string, TransferLimit>? limits) =>
        limits is null ? new(StringComparer.Ordinal) : new(limits, StringComparer.Ordinal);

    private ValueTask RevokeAsync(PrincipalId principal, CertificateRevocationCause cause, AuditActor actor, CancellationToken cancellationToken) =>
        _revoker?.RevokeCurrentAsync(principal, cause, actor, cancellationToken) ?? ValueTask.CompletedTask;
}
