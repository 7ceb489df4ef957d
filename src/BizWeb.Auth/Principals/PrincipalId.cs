namespace BizWeb.Auth;

/// <summary>
/// Who a credential belongs to: the administrator of a contract (<see cref="UserId"/> is
/// <see langword="null"/>) or one of its users.
/// </summary>
/// <param name="ContractId">The contract (契約者ＩＤ).</param>
/// <param name="UserId">The user (利用者ＩＤ), or <see langword="null"/> for the administrator.</param>
public readonly record struct PrincipalId(ContractId ContractId, UserId? UserId)
{
    /// <summary>Whether this is the contract's administrator (管理者).</summary>
    public bool IsAdministrator => UserId is null;

    /// <summary>The administrator of <paramref name="contractId"/>.</summary>
    /// <param name="contractId">The contract.</param>
    /// <returns>The principal.</returns>
    public static PrincipalId Administrator(ContractId contractId) => new(contractId, null);

    /// <summary>A user of <paramref name="contractId"/>.</summary>
    /// <param name="contractId">The contract.</param>
    /// <param name="userId">The user.</param>
    /// <returns>The principal.</returns>
    public static PrincipalId User(ContractId contractId, UserId userId) => new(contractId, userId);

    /// <summary><c>12345678901</c> for the administrator, <c>12345678901/taro01</c> for a user.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => UserId is { } user ? $"{ContractId}/{user}" : ContractId.ToString();
}
