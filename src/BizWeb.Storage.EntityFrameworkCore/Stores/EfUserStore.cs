using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>Reads users; user ids compare case-sensitively (the key columns use the database's binary/deterministic collation).</summary>
internal sealed class EfUserStore<TContext> : IUserStore
    where TContext : DbContext
{
    private readonly IDbContextFactory<TContext> _contexts;

    public EfUserStore(IDbContextFactory<TContext> contexts) => _contexts = contexts;

    public async ValueTask<User?> FindAsync(ContractId contractId, UserId userId, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var (contract, user) = (contractId.ToString(), userId.ToString());
        var row = await db.Set<UserRow>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.ContractId == contract && r.UserId == user, cancellationToken).ConfigureAwait(false);
        return row?.ToUser();
    }

    public async ValueTask<IReadOnlyList<User>> ListAsync(ContractId contractId, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var contract = contractId.ToString();
        var rows = await db.Set<UserRow>().AsNoTracking().Where(r => r.ContractId == contract).ToListAsync(cancellationToken).ConfigureAwait(false);
        // Ordinal order in memory: a database collation (e.g. en_US on PostgreSQL) would sort "taro" before "Taro".
        return [.. rows.Select(r => r.ToUser()).OrderBy(u => u.Id.ToString(), StringComparer.Ordinal)];
    }
}
