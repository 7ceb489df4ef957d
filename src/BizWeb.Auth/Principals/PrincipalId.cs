using System.Diagnostics.CodeAnalysis;

namespace BizWeb.Auth;

/// <summary>
/// Who a credential belongs to: the administrator of a contract (<see cref="UserId"/> is
/// <see langword="null"/>) or one of its users.
/// </summary>
/// <param name="ContractId">The contract (契約者ＩＤ).</param>
/// <param name="UserId">The user (利用者ＩＤ), or <see langword="null"/> for the administrator.</param>
public readonly record struct PrincipalId(ContractId ContractId, UserId? UserId)
{
    /// <summary>Whether this is the contract's administrator (管理者); false when <see cref="IsDefault"/>.</summary>
    public bool IsAdministrator => UserId is null && !ContractId.IsDefault;

    /// <summary>
    /// True when built from a default id: <c>default(PrincipalId)</c>, a default <see cref="ContractId"/>,
    /// or a default <see cref="Auth.UserId"/>. Never a real principal; the SDK refuses it (with an
    /// <see cref="ArgumentException"/>) wherever a principal enters a flow or a store.
    /// </summary>
    public bool IsDefault => ContractId.IsDefault || UserId is { IsDefault: true };

    /// <summary>The administrator of <paramref name="contractId"/>.</summary>
    /// <param name="contractId">The contract.</param>
    /// <returns>The principal.</returns>
    /// <exception cref="ArgumentException"><paramref name="contractId"/> is <c>default</c>.</exception>
    public static PrincipalId Administrator(ContractId contractId) => new(IdGuard.Require(contractId), null);

    /// <summary>A user of <paramref name="contractId"/>.</summary>
    /// <param name="contractId">The contract.</param>
    /// <param name="userId">The user.</param>
    /// <returns>The principal.</returns>
    /// <exception cref="ArgumentException"><paramref name="contractId"/> or <paramref name="userId"/> is <c>default</c>.</exception>
    public static PrincipalId User(ContractId contractId, UserId userId) => new(IdGuard.Require(contractId), IdGuard.Require(userId));

    /// <summary>
    /// Parses the text form of <see cref="ToString"/> (<c>12345678901</c> or <c>12345678901/taro01</c>);
    /// never throws, reports the broken rules of the contract id and the user id.
    /// </summary>
    /// <param name="text">The text; it is not trimmed or normalised.</param>
    /// <returns>The principal, or the errors.</returns>
    public static ParseResult<PrincipalId> Parse(string? text)
    {
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        var contract = ContractId.Parse(slash < 0 ? text : text![..slash]);
        if (slash < 0)
        {
            return contract.TryGetValue(out var administrator) ? ParseResult.Success(Administrator(administrator)) : ParseResult.Failure<PrincipalId>([.. contract.Errors]);
        }

        var user = Auth.UserId.Parse(text![(slash + 1)..]);
        if (contract.TryGetValue(out var contractId) && user.TryGetValue(out var userId))
        {
            return ParseResult.Success(User(contractId, userId));
        }

        return ParseResult.Failure<PrincipalId>([.. contract.Errors, .. user.Errors]);
    }

    /// <summary>Parses the text form of <see cref="ToString"/>; never throws.</summary>
    /// <param name="text">The text.</param>
    /// <param name="principal">The principal when the text is valid.</param>
    /// <returns>True when the text is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out PrincipalId principal) =>
        Parse(text).TryGetValue(out principal);

    /// <summary><c>12345678901</c> for the administrator, <c>12345678901/taro01</c> for a user, <c>(default)</c> when <see cref="IsDefault"/>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => IsDefault ? "(default)" : UserId is { } user ? $"{ContractId}/{user}" : ContractId.ToString();
}
