using BizWeb.Tokens;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>Transaction confirmations; consuming one is a single DELETE, so of parallel callers exactly one wins.</summary>
internal sealed class EfTransactionConfirmationStore<TContext> : ITransactionConfirmationStore
    where TContext : DbContext
{
    private readonly EfContexts<TContext> _contexts;

    public EfTransactionConfirmationStore(EfContexts<TContext> contexts) => _contexts = contexts;

    public async ValueTask AddAsync(TransactionConfirmation confirmation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        using var db = _contexts.CreateDbContext();
        db.Add(TransactionConfirmationRow.From(confirmation));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (_contexts.Sql(db).IsConflict(exception))
        {
            throw new InvalidOperationException("A confirmation with this id exists already.", exception);
        }
    }

    public async ValueTask<TransactionConfirmation?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var row = await db.Set<TransactionConfirmationRow>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        return row?.ToConfirmation();
    }

    public async ValueTask<bool> TryConsumeAsync(Guid id, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        return await db.Set<TransactionConfirmationRow>().Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) == 1;
    }
}
