namespace BizWeb.Auth;

/// <summary>
/// Verifies the administrator's confirmation PIN ④ (ご契約先確認暗証番号) that authorises every
/// security-relevant administrator operation (e.g. 管理者4-2 j.). Failures count toward the contract
/// lock. The token and transaction packages use this before their own administrator operations.
/// </summary>
public sealed class AdminAuthorization
{
    private readonly PinGuard _pins;
    private readonly Committer _commits;

    internal AdminAuthorization(PinGuard pins, Committer commits)
    {
        _pins = pins;
        _commits = commits;
    }

    /// <summary>Checks ④ of <paramref name="admin"/>'s contract.</summary>
    /// <param name="admin">The signed-in administrator.</param>
    /// <param name="confirmationPin">The confirmation PIN typed.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// Success; or <see cref="MessageCode.ConfirmationPinIncorrect"/>, <see cref="MessageCode.AdminLocked"/>,
    /// <see cref="MessageCode.AccidentRegistered"/>, <see cref="MessageCode.ContractNotActive"/>, <see cref="MessageCode.SessionEnded"/>.
    /// </returns>
    public async ValueTask<AuthResult> VerifyConfirmationPinAsync(SignedInAdministrator admin, string? confirmationPin, CancellationToken cancellationToken = default)
    {
        var (result, _) = await VerifyAsync(admin, confirmationPin, "AdminConfirmationPin", cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Shared with the administrator flows of this package: verifies ④ and returns the contract read.</summary>
    internal async ValueTask<(AuthResult Result, Contract? Contract)> VerifyAsync(SignedInAdministrator admin, string? confirmationPin, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (string.IsNullOrEmpty(confirmationPin))
        {
            return (AuthResult.Fail(MessageCode.PinRequired), null);
        }

        var check = await _pins.CheckContractPinAsync(admin.ContractId, Credential.AdminConfirmationPin, confirmationPin, admin.Actor, action, cancellationToken, admin).ConfigureAwait(false);
        if (!check.Verified)
        {
            return (AuthResult.Fail(check.Errors(MessageCode.ConfirmationPinIncorrect, MessageCode.AdminLocked)), null);
        }

        var contract = check.Contract!;
        if (contract.AccidentRegistered)
        {
            return (AuthResult.Fail(MessageCode.AccidentRegistered), null);
        }

        if (contract.State != ContractState.Active)
        {
            return (AuthResult.Fail(MessageCode.ContractNotActive), null);
        }

        if (check.Check!.Renewed is { } renewed)
        {
            var outcome = await _commits.CommitAsync(new AuthChanges().Put(contract with { AdminConfirmationPinHash = renewed }), cancellationToken).ConfigureAwait(false);
            if (outcome == CommitOutcome.Committed)
            {
                contract = contract with { AdminConfirmationPinHash = renewed, Version = contract.Version + 1 };
            }
        }

        return (AuthResult.Success, contract);
    }
}
