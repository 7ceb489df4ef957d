namespace BizWeb.Auth;

/// <summary>
/// Commits a state change together with its audit records, its notifications and its counter
/// resets: all of it or nothing (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §6).
/// </summary>
public interface IAuthUnitOfWork
{
    /// <summary>
    /// Stores <paramref name="changes"/> atomically. Each aggregate's <c>Version</c> must equal the
    /// stored one (0 for an insert); stored versions increase by one. Audit records are appended
    /// in order and linked with <see cref="AuditChain.Link"/>.
    /// </summary>
    /// <param name="changes">The change set.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see cref="CommitOutcome.Conflict"/> when any version did not match; nothing was stored then.</returns>
    ValueTask<CommitOutcome> CommitAsync(AuthChanges changes, CancellationToken cancellationToken);
}
