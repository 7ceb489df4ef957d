using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>Reads contract settings; changes go through <see cref="EfAuthUnitOfWork{TContext}"/>.</summary>
internal sealed class EfContractSettingsStore<TContext>(IDbContextFactory<TContext> contexts) : IContractSettingsStore
    where TContext : DbContext
{
    public async ValueTask<ContractSettings?> FindAsync(ContractId contractId, CancellationToken cancellationToken)
    {
        using var db = contexts.CreateDbContext();
        var id = contractId.ToString();
        var row = await db.Set<ContractSettingsRow>().AsNoTracking().SingleOrDefaultAsync(r => r.ContractId == id, cancellationToken).ConfigureAwait(false);
        return row?.ToSettings();
    }
}
