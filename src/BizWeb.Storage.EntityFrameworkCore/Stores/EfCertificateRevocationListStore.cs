using BizWeb.Certificates;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// The CRL number sequence and the latest CRL, in one row: a number is taken by one
/// <c>UPDATE … SET last_number = last_number + 1 RETURNING last_number</c> (never twice, whatever the
/// number of hosts); a CRL is kept by a conditional UPDATE that only moves to a higher number.
/// </summary>
internal sealed class EfCertificateRevocationListStore<TContext> : ICertificateRevocationListStore
    where TContext : DbContext
{
    private readonly EfContexts<TContext> _contexts;

    public EfCertificateRevocationListStore(EfContexts<TContext> contexts) => _contexts = contexts;

    public async ValueTask<long> NextNumberAsync(CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var numbers = await db.Database.SqlQueryRaw<long>(_contexts.Sql(db).NextCrlNumber).ToListAsync(cancellationToken).ConfigureAwait(false);
        return numbers.Count == 1 ? numbers[0] : throw new InvalidOperationException("The CRL state row is missing: apply the BizWeb migrations.");
    }

    public async ValueTask SaveAsync(CertificateRevocationList crl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crl);
        using var db = _contexts.CreateDbContext();
        var (number, thisUpdate, nextUpdate, raw) = (crl.Number, Ticks.From(crl.ThisUpdate), Ticks.From(crl.NextUpdate), crl.RawData);
        await db.Set<CrlRow>()
            .Where(r => r.Id == CrlRow.SingletonId && (r.LatestNumber == null || r.LatestNumber < number))
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.LatestNumber, number).SetProperty(r => r.LatestThisUpdate, thisUpdate)
                    .SetProperty(r => r.LatestNextUpdate, nextUpdate).SetProperty(r => r.LatestRawData, raw),
                cancellationToken)
            .ConfigureAwait(false);
    }

    public async ValueTask<CertificateRevocationList?> FindLatestAsync(CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var row = await db.Set<CrlRow>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == CrlRow.SingletonId, cancellationToken).ConfigureAwait(false);
        return row?.ToLatest();
    }
}
