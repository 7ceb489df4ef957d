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

    /// <summary>The one-column form of a principal, <see cref="PrincipalId.ToString"/>: <c>12345678901</c> or <c>12345678901/taro01</c>.</summary>
    public static string Key(PrincipalId principal) => principal.ToString();

    /// <summary>Parses <see cref="Key"/> back (a contract id never holds a slash).</summary>
    public static PrincipalId Principal(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? Principal(key, null) : Principal(key[..slash], key[(slash + 1)..]);
    }
}
