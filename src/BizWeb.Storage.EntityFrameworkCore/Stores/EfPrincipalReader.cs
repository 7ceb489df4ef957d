using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>Reads a principal's contract and user in one query (the contract left-joined with the user).</summary>
internal sealed class EfPrincipalReader<TContext> : IPrincipalReader
    where TContext : DbContext
{
    private readonly IDbContextFactory<TContext> _contexts;

    public EfPrincipalReader(IDbContextFactory<TContext> contexts) => _contexts = contexts;

    public async ValueTask<PrincipalRecord?> FindAsync(PrincipalId principal, CancellationToken cancellationToken)
    {
        if (principal.IsDefault)
        {
            throw new ArgumentException("A default PrincipalId is not a real id.", nameof(principal));
        }

        using var db = _contexts.CreateDbContext();
        var contractKey = principal.ContractId.ToString();
        var contracts = db.Set<ContractRow>().AsNoTracking().Where(c => c.Id == contractKey);
        if (principal.UserId is not { } userId)
        {
            var contract = await contracts.SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return contract is null ? null : new PrincipalRecord(contract.ToContract(), null);
        }

        var userKey = userId.ToString();
        var row = await (
            from c in contracts
            join u in db.Set<UserRow>().AsNoTracking().Where(u => u.UserId == userKey) on c.Id equals u.ContractId into users
            from u in users.DefaultIfEmpty()
            select new { Contract = c, User = u })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row?.User is null ? null : new PrincipalRecord(row.Contract.ToContract(), row.User.ToUser());
    }
}
