using BizWeb.Auth;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>Reads flow tickets by handle hash (unique index) or the latest per principal and purpose.</summary>
internal sealed class EfFlowTicketStore<TContext> : IFlowTicketStore
    where TContext : DbContext
{
    private readonly IDbContextFactory<TContext> _contexts;

    public EfFlowTicketStore(IDbContextFactory<TContext> contexts) => _contexts = contexts;

    public async ValueTask<FlowTicket?> FindByHandleHashAsync(string handleHash, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var row = await db.Set<FlowTicketRow>().AsNoTracking().SingleOrDefaultAsync(r => r.HandleHash == handleHash, cancellationToken).ConfigureAwait(false);
        return row?.ToTicket();
    }

    public async ValueTask<FlowTicket?> FindLatestAsync(PrincipalId principal, FlowPurpose purpose, CancellationToken cancellationToken)
    {
        using var db = _contexts.CreateDbContext();
        var contract = principal.ContractId.ToString();
        var purposeValue = (int)purpose;
        var tickets = db.Set<FlowTicketRow>().AsNoTracking().Where(r => r.ContractId == contract && r.Purpose == purposeValue);
        if (principal.UserId is { } userId)
        {
            var user = userId.ToString();
            tickets = tickets.Where(r => r.UserId == user);
        }
        else
        {
            tickets = tickets.Where(r => r.UserId == null);
        }

        var row = await tickets.OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row?.ToTicket();
    }
}
