using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>Reads contracts.</summary>
internal sealed class EfContractStore<TContext> : IContractStore
    where TContext : DbContext
{
    private readonly IDbContextFactory<TContext> _contexts;

    public EfContractStore(IDbContextFactory<TContext> contexts) => _contexts = contexts;

    public async ValueTask<Contract?> FindAsync(ContractId id, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var key = id.ToString();
        var row = await db.Set<ContractRow>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == key, cancellationToken).ConfigureAwait(false);
        return row?.ToContract();
    }
}
