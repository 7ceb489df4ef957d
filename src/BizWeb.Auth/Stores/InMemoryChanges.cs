namespace BizWeb.Auth;

/// <summary>
/// How the in-memory token and certificate stores commit a state change with its audit records (one
/// file, compiled into BizWeb.Tokens and BizWeb.Certificates like IdGuard.cs): under the store's
/// write gate, the changes are committed first and the state applied right after — a dictionary
/// update that cannot fail — so one never stands without the other.
/// </summary>
internal static class InMemoryChanges
{
    /// <summary>Commits <paramref name="changes"/> (nothing for <see langword="null"/>); throws, storing nothing, on a conflict.</summary>
    public static async ValueTask CommitAsync(IAuthUnitOfWork unitOfWork, AuthChanges? changes)
    {
        // Not cancellable: once the decision is taken, the audit record and the state go together.
        if (changes is not null && await unitOfWork.CommitAsync(changes, CancellationToken.None).ConfigureAwait(false) != CommitOutcome.Committed)
        {
            throw new InvalidOperationException("The audit records or notifications of the change conflict with stored ones; nothing was stored.");
        }
    }
}
