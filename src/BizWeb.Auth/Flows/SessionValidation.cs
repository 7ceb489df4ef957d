namespace BizWeb.Auth;

/// <summary>Checks per request that a sign-in is still good (DESIGN.md: security stamps end live sessions at once).</summary>
public sealed class SessionValidation
{
    private readonly AuthCore _core;

    internal SessionValidation(AuthCore core) => _core = core;

    /// <summary>
    /// Whether <paramref name="signedIn"/> may still act: the contract is active and has no accident,
    /// the user (for a user) is active, has no accident and is not deleted, and the security stamp is
    /// unchanged since sign-in.
    /// </summary>
    /// <param name="signedIn">The sign-in kept in the host's session.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="false"/> when the host must end the session.</returns>
    public async ValueTask<bool> IsCurrentAsync(SignedInPrincipal signedIn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signedIn);
        var contract = await _core.Contracts.FindAsync(signedIn.Principal.ContractId, cancellationToken).ConfigureAwait(false);
        if (contract is null || contract.State != ContractState.Active || contract.AccidentRegistered)
        {
            return false;
        }

        if (signedIn.Principal.UserId is not { } userId)
        {
            return PinRules.FixedTimeEquals(contract.SecurityStamp, signedIn.SecurityStamp);
        }

        var user = await _core.Users.FindAsync(contract.Id, userId, cancellationToken).ConfigureAwait(false);
        return user is { State: UserState.Active, AccidentRegistered: false } && PinRules.FixedTimeEquals(user.SecurityStamp, signedIn.SecurityStamp);
    }
}
