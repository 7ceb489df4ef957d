using BizWeb.Auth;
using BizWeb.Certificates;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Issued certificates. A principal's current certificate is the row whose <c>current_of</c> holds
/// the principal (a unique index: at most one). Issuing is one transaction (PostgreSQL: serialised per
/// principal by an advisory lock; SQLite: the write lock) that supersedes the previous current one
/// and inserts the new; revocation and reminder marks are single conditional UPDATEs. The audit records
/// an issuance or revocation carries are appended in its transaction (<see cref="EfChanges"/>).
/// </summary>
internal sealed class EfCertificateStore<TContext> : ICertificateStore
    where TContext : DbContext
{
    private const int Superseded = (int)CertificateRevocationReason.Superseded;
    private readonly EfContexts<TContext> _contexts;

    public EfCertificateStore(EfContexts<TContext> contexts) => _contexts = contexts;

    public async ValueTask<IssuedCertificate?> FindBySerialAsync(string serialNumber, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var row = await db.Set<CertificateRow>().AsNoTracking().SingleOrDefaultAsync(r => r.SerialNumber == serialNumber, cancellationToken).ConfigureAwait(false);
        return row?.ToCertificate();
    }

    public async ValueTask<IssuedCertificate?> FindCurrentAsync(PrincipalId principal, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var key = StoredIds.Key(principal);
        var row = await db.Set<CertificateRow>().AsNoTracking().SingleOrDefaultAsync(r => r.CurrentOf == key, cancellationToken).ConfigureAwait(false);
        return row?.ToCertificate();
    }

    public async ValueTask<CertificateAddition> AddCurrentAsync(IssuedCertificate certificate, Func<CertificateAddition, AuthChanges>? changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (certificate.Principal.IsDefault)
        {
            throw new ArgumentException("A default PrincipalId is not a real principal.", nameof(certificate));
        }

        var row = CertificateRow.From(certificate, current: true);
        var (key, revokedAt) = (row.Principal, row.IssuedAt);
        return await _contexts.InTransactionAsync(
            async (db, sql) =>
            {
                await sql.LockKeyAsync(db, "certificate-of:" + key, cancellationToken).ConfigureAwait(false);
                var certificates = db.Set<CertificateRow>();
                if (await certificates.AnyAsync(r => r.SerialNumber == row.SerialNumber, cancellationToken).ConfigureAwait(false))
                {
                    return new CertificateAddition(false, null);
                }

                IssuedCertificate? superseded = null;
                var previous = await certificates.AsNoTracking().SingleOrDefaultAsync(r => r.CurrentOf == key, cancellationToken).ConfigureAwait(false);
                if (previous is not null
                    && previous.ToCertificate().TryRevoke(CertificateRevocationReason.Superseded, certificate.IssuedAt, out var revoked)
                    && await certificates.Where(r => r.SerialNumber == previous.SerialNumber && r.CurrentOf == key && r.RevokedAt == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.RevokedAt, revokedAt).SetProperty(r => r.RevocationReason, Superseded).SetProperty(r => r.CurrentOf, (string?)null), cancellationToken)
                        .ConfigureAwait(false) == 1)
                {
                    superseded = revoked;
                }

                // A duplicate serial inserted concurrently is a unique violation: the attempt is run
                // again and then answers "not added".
                db.Add(row);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                var addition = new CertificateAddition(true, superseded);
                await EfChanges.SaveAsync(db, sql, changes?.Invoke(addition), cancellationToken).ConfigureAwait(false);
                return addition;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<CertificateRevocationOutcome> RevokeAsync(string serialNumber, CertificateRevocationReason reason, DateTimeOffset revokedAt, AuthChanges? changes, CancellationToken cancellationToken)
    {
        var (ticks, reasonValue) = (Ticks.From(revokedAt), (int)reason);
        return await _contexts.InTransactionAsync(
            async (db, sql) =>
            {
                // One conditional UPDATE decides: of parallel revocations exactly one finds it not revoked
                // (CertificateLifecycle: only a current certificate is revoked).
                var revoked = await db.Set<CertificateRow>()
                    .Where(r => r.SerialNumber == serialNumber && r.RevokedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.RevokedAt, ticks).SetProperty(r => r.RevocationReason, reasonValue).SetProperty(r => r.CurrentOf, (string?)null), cancellationToken)
                    .ConfigureAwait(false);
                if (revoked == 1)
                {
                    await EfChanges.SaveAsync(db, sql, changes, cancellationToken).ConfigureAwait(false);
                    return CertificateRevocationOutcome.Revoked;
                }

                return await db.Set<CertificateRow>().AnyAsync(r => r.SerialNumber == serialNumber, cancellationToken).ConfigureAwait(false)
                    ? CertificateRevocationOutcome.AlreadyRevoked
                    : CertificateRevocationOutcome.NotFound;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<IssuedCertificate>> ListRevokedAsync(DateTimeOffset notExpiredAt, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var ticks = Ticks.From(notExpiredAt);
        var rows = await db.Set<CertificateRow>().AsNoTracking().Where(r => r.RevokedAt != null && r.NotAfter > ticks)
            .OrderBy(r => r.RevokedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToCertificate())];
    }

    public async ValueTask<IReadOnlyList<IssuedCertificate>> ListCurrentExpiringAsync(DateTimeOffset notAfterBefore, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var ticks = Ticks.From(notAfterBefore);
        var rows = await db.Set<CertificateRow>().AsNoTracking().Where(r => r.CurrentOf != null && r.NotAfter < ticks)
            .OrderBy(r => r.NotAfter)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToCertificate())];
    }

    public async ValueTask<bool> TryMarkReminderSentAsync(string serialNumber, int daysBefore, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var marked = await db.Set<CertificateRow>()
            .Where(r => r.SerialNumber == serialNumber && (r.ReminderSentDaysBefore == null || r.ReminderSentDaysBefore > daysBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReminderSentDaysBefore, daysBefore), cancellationToken)
            .ConfigureAwait(false);
        return marked == 1;
    }
}
