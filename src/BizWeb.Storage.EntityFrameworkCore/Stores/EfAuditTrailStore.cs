using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>Reads the audit trail in pages, in sequence order.</summary>
internal sealed class EfAuditTrailStore<TContext> : IAuditTrailStore
    where TContext : DbContext
{
    private readonly IDbContextFactory<TContext> _contexts;

    public EfAuditTrailStore(IDbContextFactory<TContext> contexts) => _contexts = contexts;

    public async ValueTask<IReadOnlyList<AuditEntry>> ReadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var rows = await db.Set<AuditRow>().AsNoTracking()
            .Where(r => r.Sequence > afterSequence)
            .OrderBy(r => r.Sequence)
            .Take(maxCount)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToEntry())];
    }
}
