using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Commits a change set in one database transaction: aggregates with their versions as concurrency
/// tokens (an insert is version 0, a duplicate key is a conflict), outbox rows, counter resets, and
/// audit records linked after the chain head, which the transaction locks and moves. A stale version
/// or a lost insert race rolls everything back and answers <see cref="CommitOutcome.Conflict"/>;
/// any other fault rolls back and throws.
/// </summary>
internal sealed class EfAuthUnitOfWork<TContext> : IAuthUnitOfWork
    where TContext : DbContext
{
    private readonly IDbContextFactory<TContext> _contexts;

    public EfAuthUnitOfWork(IDbContextFactory<TContext> contexts) => _contexts = contexts;

    public async ValueTask<CommitOutcome> CommitAsync(AuthChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (HasDuplicates(changes))
        {
            return CommitOutcome.Conflict;
        }

        using var db = _contexts.CreateDbContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var sql = StorageSql.For(db);
        // SQLite: BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), so writers queue for the lock
        // instead of failing on an upgrade. PostgreSQL: read committed, with row locks below.
        using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var contract in changes.Contracts)
            {
                Stage(db, ContractRow.From(contract), r => r.Version);
            }

            foreach (var user in changes.Users)
            {
                Stage(db, UserRow.From(user), r => r.Version);
            }

            foreach (var ticket in changes.Tickets)
            {
                Stage(db, FlowTicketRow.From(ticket), r => r.Version);
            }

            foreach (var settings in changes.ContractSettings)
            {
                Stage(db, ContractSettingsRow.From(settings), r => r.Version);
            }

            foreach (var transfer in changes.Transfers)
            {
                Stage(db, TransferRow.From(transfer), r => r.Version);
            }

            foreach (var notification in changes.Notifications)
            {
                db.Add(NotificationRow.From(notification));
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            if (changes.CounterResets.Count > 0)
            {
                var keys = changes.CounterResets.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                await db.Set<CounterRow>().Where(r => keys.Contains(r.Key)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }

            if (changes.Audit.Count > 0)
            {
                await AppendAuditAsync(db, sql, changes.Audit, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return CommitOutcome.Committed;
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            return CommitOutcome.Conflict;
        }
        catch (DbUpdateException exception) when (StorageSql.IsConflict(exception))
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            return CommitOutcome.Conflict;
        }
    }

    /// <summary>An insert (version 0) is added with version 1; an update matches the version read and stores the next.</summary>
    private static void Stage<TRow>(DbContext db, TRow row, System.Linq.Expressions.Expression<Func<TRow, long>> version)
        where TRow : class
    {
        var entry = db.Entry(row);
        var property = entry.Property(version);
        var read = property.CurrentValue;
        if (read == 0)
        {
            property.CurrentValue = 1;
            entry.State = EntityState.Added;
            return;
        }

        entry.State = EntityState.Modified;
        property.OriginalValue = read;
        property.CurrentValue = read + 1;
    }

    private static async Task AppendAuditAsync(DbContext db, StorageSql sql, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var heads = await db.Set<AuditHeadRow>().FromSqlRaw(sql.LockAuditHead).ToListAsync(cancellationToken).ConfigureAwait(false);
        var head = heads.Count == 1 ? heads[0] : throw new InvalidOperationException("The audit chain head row is missing: apply the BizWeb migrations.");
        var (sequence, previous) = (head.LastSequence, head.LastHash);
        foreach (var entry in entries)
        {
            var linked = AuditChain.Link(entry, ++sequence, previous);
            db.Add(AuditRow.From(linked));
            previous = linked.Hash;
        }

        // The head is a concurrency token too: even without the lock, two appends could never both move it from the same place.
        head.LastSequence = sequence;
        head.LastHash = previous;
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static bool HasDuplicates(AuthChanges changes) =>
        changes.Contracts.Select(c => c.Id).Distinct().Count() != changes.Contracts.Count
        || changes.Users.Select(u => (u.ContractId, u.Id)).Distinct().Count() != changes.Users.Count
        || changes.Tickets.Select(t => t.Id).Distinct().Count() != changes.Tickets.Count
        || changes.Notifications.Select(n => n.Id).Distinct().Count() != changes.Notifications.Count
        || changes.ContractSettings.Select(s => s.ContractId).Distinct().Count() != changes.ContractSettings.Count
        || changes.Transfers.Select(t => t.Id).Distinct().Count() != changes.Transfers.Count;
}
