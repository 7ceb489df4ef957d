namespace BizWeb.Auth;

/// <summary>
/// A principal as one read found it (<see cref="IPrincipalReader"/>): its contract and, for a user, the
/// user (a deleted user keeps its row, with <see cref="UserState.Deleted"/>). A flow that judged the
/// client certificate with it decides the PIN guess on the same rows instead of reading them again.
/// </summary>
public sealed class PrincipalRecord
{
    /// <summary>Creates the record.</summary>
    /// <param name="contract">The contract.</param>
    /// <param name="user">The user, or <see langword="null"/> for the administrator.</param>
    /// <exception cref="ArgumentException">The user belongs to another contract.</exception>
    public PrincipalRecord(Contract contract, User? user)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (user is not null && user.ContractId != contract.Id)
        {
            throw new ArgumentException("The user belongs to another contract.", nameof(user));
        }

        Contract = contract;
        User = user;
    }

    /// <summary>The contract (the administrator's, or the user's).</summary>
    public Contract Contract { get; }

    /// <summary>The user, or <see langword="null"/> for the administrator.</summary>
    public User? User { get; }

    /// <summary>Who this is.</summary>
    public PrincipalId Principal => User?.Principal ?? PrincipalId.Administrator(Contract.Id);
}
