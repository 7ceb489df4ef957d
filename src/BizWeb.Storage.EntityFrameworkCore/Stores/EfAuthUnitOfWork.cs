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
    private readonly EfContexts<TContext> _contexts;

    public EfAuthUnitOfWork(EfContexts<TContext> contexts) => _contexts = contexts;

    public async ValueTask<CommitOutcome> CommitAsync(AuthChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (EfChanges.HasDuplicates(changes))
        {
            return CommitOutcome.Conflict;
        }

        using var db = _contexts.CreateDbContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var sql = _contexts.Sql(db);
        if (EfAuditAppend.Applies(sql, changes) && await EfAuditAppend.TryCommitAsync(db, sql, changes, cancellationToken).ConfigureAwait(false))
        {
            return CommitOutcome.Committed;
        }

        // SQLite: BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), so writers queue for the lock
        // instead of failing on an upgrade. PostgreSQL: read committed, with row locks below.
        using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EfChanges.SaveAsync(db, sql, changes, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return CommitOutcome.Committed;
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            return CommitOutcome.Conflict;
        }
        catch (DbUpdateException exception) when (sql.IsConflict(exception))
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            return CommitOutcome.Conflict;
        }
    }
}
