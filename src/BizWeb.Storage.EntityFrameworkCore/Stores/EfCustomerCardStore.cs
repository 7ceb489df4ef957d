using BizWeb.Auth;
using BizWeb.Tokens;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// The live card per contract; replacing it is one upsert (<see cref="StorageSql.ReplaceCard"/>), so the
/// old card is dead in the same statement, in one transaction with its audit record.
/// </summary>
internal sealed class EfCustomerCardStore<TContext> : ICustomerCardStore
    where TContext : DbContext
{
    private readonly EfContexts<TContext> _contexts;

    public EfCustomerCardStore(EfContexts<TContext> contexts) => _contexts = contexts;

    public async ValueTask<CustomerCard?> FindAsync(ContractId contractId, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var key = contractId.ToString();
        var row = await db.Set<CustomerCardRow>().AsNoTracking().SingleOrDefaultAsync(r => r.ContractId == key, cancellationToken).ConfigureAwait(false);
        return row?.ToCard();
    }

    public async ValueTask ReplaceAsync(CustomerCard card, AuthChanges? changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var row = CustomerCardRow.From(card);
        _ = await _contexts.InTransactionAsync(
            async (db, sql) =>
            {
                await db.Database.ExecuteSqlRawAsync(
                    sql.ReplaceCard,
                    [
                        sql.Parameter("@contract", row.ContractId),
                        sql.Parameter("@serial", row.SerialNumber),
                        sql.Parameter("@values", row.ProtectedValues),
                        sql.Int64Parameter("@issued", row.IssuedAt),
                    ],
                    cancellationToken).ConfigureAwait(false);
                await EfChanges.SaveAsync(db, sql, changes, cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
