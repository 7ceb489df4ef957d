using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Writes an <see cref="AuthChanges"/> into the caller's open transaction: aggregates with their
/// versions as concurrency tokens (an insert is version 0), outbox rows, counter resets, and audit
/// records linked after the chain head, which it locks (PostgreSQL <c>FOR UPDATE</c>; SQLite: the
/// transaction is <c>BEGIN IMMEDIATE</c>) and moves. Used by the unit of work, and by the token and
/// certificate stores to commit a state change and its audit records in one transaction. A stale
/// version throws <see cref="DbUpdateConcurrencyException"/>, a duplicate key a
/// <see cref="DbUpdateException"/>; the caller's transaction then rolls back.
/// </summary>
internal static class EfChanges
{
    /// <summary>Whether the change set names one aggregate or notification twice (a conflict by itself).</summary>
    public static bool HasDuplicates(AuthChanges changes) =>
        changes.Contracts.Select(c => c.Id).Distinct().Count() != changes.Contracts.Count
        || changes.Users.Select(u => (u.ContractId, u.Id)).Distinct().Count() != changes.Users.Count
        || changes.Tickets.Select(t => t.Id).Distinct().Count() != changes.Tickets.Count
        || changes.Notifications.Select(n => n.Id).Distinct().Count() != changes.Notifications.Count
        || changes.ContractSettings.Select(s => s.ContractId).Distinct().Count() != changes.ContractSettings.Count
        || changes.Transfers.Select(t => t.Id).Distinct().Count() != changes.Transfers.Count;

    /// <summary>Stages and saves <paramref name="changes"/> on <paramref name="db"/>, inside the transaction the caller began.</summary>
    public static async Task SaveAsync(DbContext db, StorageSql sql, AuthChanges? changes, CancellationToken cancellationToken)
    {
        if (changes is null)
        {
            return;
        }

        if (HasDuplicates(changes))
        {
            throw new InvalidOperationException("The change set names one contract, user, ticket, notification, settings or transfer twice.");
        }

        // The chain head is locked first and the records staged with the aggregates, so the aggregates,
        // the records and the moved head go to the database in one batch of one SaveChanges.
        var resets = changes.CounterResets.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // Where the dialect allows it, the counter resets ride in the statement that locks the head.
        var resetWithHead = changes.Audit.Count > 0 && resets.Count > 0 && sql.AppendsInOneStatement;
        var head = changes.Audit.Count > 0 ? await StageAuditAsync(db, sql, changes.Audit, resetWithHead ? resets : [], cancellationToken).ConfigureAwait(false) : null;
        var staged = head is not null;
        foreach (var contract in changes.Contracts)
        {
            Stage(db, ContractRow.From(contract), r => r.Version);
            staged = true;
        }

        foreach (var user in changes.Users)
        {
            Stage(db, UserRow.From(user), r => r.Version);
            staged = true;
        }

        foreach (var ticket in changes.Tickets)
        {
            Stage(db, FlowTicketRow.From(ticket), r => r.Version);
            staged = true;
        }

        foreach (var settings in changes.ContractSettings)
        {
            Stage(db, ContractSettingsRow.From(settings), r => r.Version);
            staged = true;
        }

        foreach (var transfer in changes.Transfers)
        {
            Stage(db, TransferRow.From(transfer), r => r.Version);
            staged = true;
        }

        foreach (var notification in changes.Notifications)
        {
            db.Add(NotificationRow.From(notification));
            staged = true;
        }

        if (staged)
        {
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        if (resets.Count > 0 && !resetWithHead)
        {
            await db.Set<CounterRow>().Where(r => resets.Contains(r.Key)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (head is not null)
        {
            // A guess for the next one-statement append; wrong if this transaction rolls back, and then harmless.
            sql.AuditHeadOf(db).Set(head.LastSequence, head.LastHash);
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

    /// <summary>Locks the chain head (deleting <paramref name="resets"/> in the same statement) and stages <paramref name="entries"/> linked after it, and the head moved past them (returned).</summary>
    private static async Task<AuditHeadRow> StageAuditAsync(DbContext db, StorageSql sql, IReadOnlyList<AuditEntry> entries, List<string> resets, CancellationToken cancellationToken)
    {
        var heads = resets.Count == 0
            ? await db.Set<AuditHeadRow>().FromSqlRaw(sql.LockAuditHead).ToListAsync(cancellationToken).ConfigureAwait(false)
            : await db.Set<AuditHeadRow>().FromSqlRaw(sql.LockAuditHeadAndReset(resets.Count), [.. resets.Select((key, i) => sql.Parameter($"@k{i}", key, System.Data.DbType.String))]).ToListAsync(cancellationToken).ConfigureAwait(false);
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
        return head;
    }
}
