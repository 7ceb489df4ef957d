namespace BizWeb.Auth;

/// <summary>利用中止解除: shared by the administrator's release and the bank's user unlock.</summary>
internal static class UserReleases
{
    private static readonly Credential[] UserCredentials = [Credential.UserLoginPin, Credential.UserConfirmationPin, Credential.HardwareToken];

    public static async ValueTask<AuthResult> ReleaseAsync(AuthCore core, AuditActor actor, ContractId contractId, UserId userId, CancellationToken cancellationToken)
    {
        var principal = PrincipalId.User(contractId, userId);
        string[] keys = [.. UserCredentials.Select(c => CounterKey.For(principal, c))];
        var user = await core.Users.FindAsync(contractId, userId, cancellationToken).ConfigureAwait(false);
        if (user is { State: UserState.Registered or UserState.Active }
            && await CredentialCounters.AnyAtLimitAsync(core, keys, cancellationToken).ConfigureAwait(false))
        {
            // A lock whose commit failed left a counter at the limit with the user not suspended: clear it.
            return await CredentialCounters.ResetAsync(core, actor, principal, keys, cancellationToken).ConfigureAwait(false);
        }

        var result = await core.CommitAsync<AuthResult>(
            async ct =>
            {
                var contract = await core.Contracts.FindAsync(contractId, ct).ConfigureAwait(false);
                var user = contract is null ? null : await core.Users.FindAsync(contractId, userId, ct).ConfigureAwait(false);
                if (contract is null || user is null || user.State == UserState.Deleted)
                {
                    return AuthCore.Nothing(AuthResult.Fail(contract is null ? MessageCode.ContractNotFound : MessageCode.UserNotFound));
                }

                if (!user.TryApply(UserTrigger.Released, core.Now, out var released))
                {
                    return AuthCore.Nothing(AuthResult.Fail(MessageCode.InvalidState));
                }

                var changes = new AuthChanges().Put(released).Append(core.Audit(actor, "UserReleased", user.Principal, AuditOutcome.Succeeded));
                foreach (var credential in UserCredentials)
                {
                    changes.ResetCounter(CounterKey.For(user.Principal, credential));
                }

                CredentialGuard.Enqueue(changes, core.Notification(SecurityEvent.PinLockReleased, PrincipalId.Administrator(contractId), contract.AdminEmail));
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
