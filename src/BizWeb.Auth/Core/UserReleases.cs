namespace BizWeb.Auth;

/// <summary>利用中止解除: shared by the administrator's release and the bank's user unlock.</summary>
internal sealed class UserReleases
{
    private readonly IContractStore _contracts;
    private readonly IUserStore _users;
    private readonly Committer _commits;
    private readonly AuditWriter _audit;
    private readonly BankClock _clock;
    private readonly CredentialCounters _failureCounts;

    public UserReleases(IContractStore contracts, IUserStore users, Committer commits, AuditWriter audit, BankClock clock, CredentialCounters failureCounts)
    {
        _contracts = contracts;
        _users = users;
        _commits = commits;
        _audit = audit;
        _clock = clock;
        _failureCounts = failureCounts;
    }

    private static readonly Credential[] UserCredentials = [Credential.UserLoginPin, Credential.UserConfirmationPin, Credential.HardwareToken];

    public async ValueTask<AuthResult> ReleaseAsync(AuditActor actor, ContractId contractId, UserId userId, CancellationToken cancellationToken)
    {
        var principal = PrincipalId.User(contractId, userId);
        string[] keys = [.. UserCredentials.Select(c => CounterKey.For(principal, c))];
        var user = await _users.FindAsync(contractId, userId, cancellationToken).ConfigureAwait(false);
        if (user is { State: UserState.Registered or UserState.Active }
            && await _failureCounts.AnyAtLimitAsync(keys, cancellationToken).ConfigureAwait(false))
        {
            // A lock whose commit failed left a counter at the limit with the user not suspended: clear it.
            return await _failureCounts.ResetAsync(actor, principal, keys, cancellationToken).ConfigureAwait(false);
        }

        var result = await _commits.CommitAsync<AuthResult>(
            async ct =>
            {
                var contract = await _contracts.FindAsync(contractId, ct).ConfigureAwait(false);
                var user = contract is null ? null : await _users.FindAsync(contractId, userId, ct).ConfigureAwait(false);
                if (contract is null || user is null || user.State == UserState.Deleted)
                {
                    return Committer.Nothing(AuthResult.Fail(contract is null ? MessageCode.ContractNotFound : MessageCode.UserNotFound));
                }

                if (!user.TryApply(UserTrigger.Released, _clock.Now, out var released))
                {
                    return Committer.Nothing(AuthResult.Fail(MessageCode.InvalidState));
                }

                var changes = new AuthChanges().Put(released).Append(_audit.Entry(actor, "UserReleased", user.Principal, AuditOutcome.Succeeded));
                foreach (var credential in UserCredentials)
                {
                    changes.ResetCounter(CounterKey.For(user.Principal, credential));
                }

                CredentialGuard.Enqueue(changes, SecurityNotices.For(_clock.Now, SecurityEvent.PinLockReleased, PrincipalId.Administrator(contractId), contract.AdminEmail));
                return (changes, AuthResult.Success);
            },
            () => AuthResult.Fail(MessageCode.ConcurrencyConflict),
            cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            AuthTelemetry.Unlocks.Add(1, AuthTelemetry.Tag("scope", "user"));
        }

        return result;
    }
}
