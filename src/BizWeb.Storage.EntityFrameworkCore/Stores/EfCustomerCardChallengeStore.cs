using BizWeb.Auth;
using BizWeb.Tokens;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Card challenges. "No re-roll" is one transaction serialised per contract (PostgreSQL: an advisory
/// lock on the contract; SQLite: the write lock), backed by a unique index on the step (principal,
/// purpose, flow). A correct answer is one transaction under the same per-contract lock: a conditional
/// DELETE of the answered challenge, then the DELETE of every other challenge of the contract's card.
/// </summary>
internal sealed class EfCustomerCardChallengeStore<TContext> : ICustomerCardChallengeStore
    where TContext : DbContext
{
    private readonly EfContexts<TContext> _contexts;

    public EfCustomerCardChallengeStore(EfContexts<TContext> contexts) => _contexts = contexts;

    public async ValueTask<CustomerCardChallenge> GetOrAddAsync(CustomerCardChallenge candidate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var row = CardChallengeRow.From(candidate);
        var nowTicks = Ticks.From(now);
        return await _contexts.InTransactionAsync(
            async (db, sql) =>
            {
                await sql.LockKeyAsync(db, "card-challenges:" + row.ContractId, cancellationToken).ConfigureAwait(false);
                var challenges = db.Set<CardChallengeRow>();

                // Forget what can no longer be answered: expired challenges, and those of another card (a reissue).
                await challenges
                    .Where(r => (r.ContractId == row.ContractId && (r.ExpiresAt <= nowTicks || r.CardSerialNumber != row.CardSerialNumber))
                        || (r.Principal == row.Principal && r.Purpose == row.Purpose && r.FlowId == row.FlowId && r.CardSerialNumber != row.CardSerialNumber))
                    .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);

                var sameStep = await challenges.AsNoTracking()
                    .SingleOrDefaultAsync(r => r.Principal == row.Principal && r.Purpose == row.Purpose && r.FlowId == row.FlowId && r.ExpiresAt > nowTicks, cancellationToken)
                    .ConfigureAwait(false);
                if (sameStep is not null)
                {
                    return sameStep.ToChallenge();
                }

                var sameCard = await challenges.AsNoTracking()
                    .Where(r => r.ContractId == row.ContractId && r.ExpiresAt > nowTicks)
                    .OrderBy(r => r.IssuedAt)
                    .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                var stored = sameCard is null ? candidate : candidate with { Positions = sameCard.ToChallenge().Positions };
                db.Add(CardChallengeRow.From(stored));
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return stored;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<CustomerCardChallenge?> FindAsync(PrincipalId principal, FlowPurpose purpose, Guid flowId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IdGuard.Require(principal);
        using var db = _contexts.CreateDbContext();
        var (key, purposeValue, nowTicks) = (StoredIds.Key(principal), (int)purpose, Ticks.From(now));
        var row = await db.Set<CardChallengeRow>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.Principal == key && r.Purpose == purposeValue && r.FlowId == flowId && r.ExpiresAt > nowTicks, cancellationToken)
            .ConfigureAwait(false);
        return row?.ToChallenge();
    }

    public async ValueTask<bool> TryConsumeAsync(CustomerCardChallenge challenge, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var (id, contractId, nowTicks) = (challenge.Id, challenge.ContractId.ToString(), Ticks.From(now));
        return await _contexts.InTransactionAsync(
            async (db, sql) =>
            {
                // The contract's lock first, as GetOrAddAsync takes it: a challenge added meanwhile is ended too, or added after with fresh positions.
                await sql.LockKeyAsync(db, "card-challenges:" + contractId, cancellationToken).ConfigureAwait(false);
                var challenges = db.Set<CardChallengeRow>();
                if (await challenges.Where(r => r.Id == id && r.ExpiresAt > nowTicks).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) != 1)
                {
                    return false;
                }

                // One correct answer ends every open challenge of the card: no other flow can accept it.
                await challenges.Where(r => r.ContractId == contractId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
