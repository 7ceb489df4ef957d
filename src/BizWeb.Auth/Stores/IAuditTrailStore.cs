namespace BizWeb.Auth;

/// <summary>Reads the append-only audit trail; records are appended through <see cref="IAuthUnitOfWork"/>.</summary>
public interface IAuditTrailStore
{
    /// <summary>Up to <paramref name="maxCount"/> records with a sequence greater than <paramref name="afterSequence"/>, in sequence order.</summary>
    /// <param name="afterSequence">0 to start at the beginning.</param>
    /// <param name="maxCount">The page size.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The records.</returns>
    ValueTask<IReadOnlyList<AuditEntry>> ReadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken);
}
