namespace BizWeb.Auth;

/// <summary>Reads and verifies the hash-chained audit trail (for the bank's operations console and auditors).</summary>
public sealed class AuditTrail
{
    private const int PageSize = 1000;
    private readonly IAuditTrailStore _store;

    internal AuditTrail(IAuditTrailStore store) => _store = store;

    /// <summary>A page of records after <paramref name="afterSequence"/>.</summary>
    /// <param name="afterSequence">0 for the first page.</param>
    /// <param name="maxCount">The page size (1–1000).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The records in sequence order.</returns>
    public ValueTask<IReadOnlyList<AuditEntry>> ReadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxCount, PageSize);
        return _store.ReadAsync(afterSequence, maxCount, cancellationToken);
    }

    /// <summary>Verifies the whole chain from the first record, page by page in constant memory.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Intact, or where it first breaks.</returns>
    public async ValueTask<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var cursor = new AuditChain.Cursor();
        long after = 0;
        while (true)
        {
            var page = await _store.ReadAsync(after, PageSize, cancellationToken).ConfigureAwait(false);
            if (page.Any(record => !cursor.Accept(record)) || page.Count < PageSize)
            {
                return cursor.Result;
            }

            after = page[^1].Sequence;
        }
    }
}
