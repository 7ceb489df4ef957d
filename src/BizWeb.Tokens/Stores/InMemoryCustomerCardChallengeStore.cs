using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>The thread-safe in-memory <see cref="ICustomerCardChallengeStore"/> registered by default (one lock; challenges are few and short-lived).</summary>
internal sealed class InMemoryCustomerCardChallengeStore : ICustomerCardChallengeStore
{
    private readonly Lock _lock = new();
    private readonly List<CustomerCardChallenge> _challenges = [];

    public ValueTask<CustomerCardChallenge> GetOrAddAsync(CustomerCardChallenge candidate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        lock (_lock)
        {
            _challenges.RemoveAll(c => !c.IsOpen(now));
            var sameStep = _challenges.Find(c => c.Principal == candidate.Principal && c.Purpose == candidate.Purpose && c.FlowId == candidate.FlowId);
            if (sameStep is not null && sameStep.CardSerialNumber == candidate.CardSerialNumber)
            {
                return ValueTask.FromResult(sameStep);
            }

            _challenges.RemoveAll(c => c.ContractId == candidate.ContractId && c.CardSerialNumber != candidate.CardSerialNumber);
            var sameCard = _challenges.Find(c => c.ContractId == candidate.ContractId);
            var stored = sameCard is null ? candidate : candidate with { Positions = sameCard.Positions };
            _challenges.Add(stored);
            return ValueTask.FromResult(stored);
        }
    }

    public ValueTask<CustomerCardChallenge?> FindAsync(PrincipalId principal, FlowPurpose purpose, Guid flowId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IdGuard.Require(principal);
        lock (_lock)
        {
            return ValueTask.FromResult(_challenges.Find(c => c.Principal == principal && c.Purpose == purpose && c.FlowId == flowId && c.IsOpen(now)));
        }
    }

    public ValueTask<bool> TryConsumeAsync(CustomerCardChallenge challenge, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        lock (_lock)
        {
            if (!_challenges.Exists(c => c.Id == challenge.Id && c.IsOpen(now)))
            {
                return ValueTask.FromResult(false);
            }

            // One correct answer ends every open challenge of the card: no other flow can accept it.
            _challenges.RemoveAll(c => c.ContractId == challenge.ContractId);
            return ValueTask.FromResult(true);
        }
    }
}
