using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>Reads transfers; changes go through <see cref="EfAuthUnitOfWork{TContext}"/> (the unique index on the idempotency key makes a second insert a conflict).</summary>
internal sealed class EfTransferStore<TContext>(IDbContextFactory<TContext> contexts) : ITransferStore
    where TContext : DbContext
{
    public async ValueTask<Transfer?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        using var db = contexts.CreateDbContext();
        var row = await db.Set<TransferRow>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        return row?.ToTransfer();
    }

    public async ValueTask<Transfer?> FindByIdempotencyKeyAsync(PrincipalId user, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var db = contexts.CreateDbContext();
        var (contract, userId) = (user.ContractId.ToString(), user.UserId?.ToString() ?? string.Empty);
        var row = await db.Set<TransferRow>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.ContractId == contract && r.UserId == userId && r.IdempotencyKey == idempotencyKey, cancellationToken).ConfigureAwait(false);
        return row?.ToTransfer();
    }

    public async ValueTask<IReadOnlyList<Transfer>> ListAsync(PrincipalId user, int maxCount, CancellationToken cancellationToken)
    {
        using var db = contexts.CreateDbContext();
        var (contract, userId) = (user.ContractId.ToString(), user.UserId?.ToString() ?? string.Empty);
        var rows = await db.Set<TransferRow>().AsNoTracking()
            .Where(r => r.ContractId == contract && r.UserId == userId)
            .OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id)
            .Take(maxCount)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToTransfer())];
    }
}
