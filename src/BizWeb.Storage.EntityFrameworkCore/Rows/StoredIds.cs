using BizWeb.Auth;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>Parses identifiers read back from the database; a value that no longer parses is corruption, not input.</summary>
internal static class StoredIds
{
    public static ContractId Contract(string text) =>
        ContractId.TryParse(text, out var id) ? id : throw new InvalidOperationException("A stored contract id is not valid.");

    public static UserId User(string text) =>
        UserId.TryParse(text, out var id) ? id : throw new InvalidOperationException("A stored user id is not valid.");

    public static PrincipalId Principal(string contractId, string? userId) =>
        userId is null ? PrincipalId.Administrator(Contract(contractId)) : PrincipalId.User(Contract(contractId), User(userId));
}
