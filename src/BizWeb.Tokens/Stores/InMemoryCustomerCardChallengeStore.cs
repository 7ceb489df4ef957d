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
        lock (_lock)
        {
            return ValueTask.FromResult(_challenges.Find(c => c.Principal == principal && c.Purpose == purpose && c.FlowId == flowId && c.IsOpen(now)));
        }
    }

    public ValueTask<bool> TryConsumeAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var index = _challenges.FindIndex(c => c.Id == id && c.IsOpen(now));
            if (index < 0)
            {
                return ValueTask.FromResult(false);
            }

            _challenges.RemoveAt(index);
            return ValueTask.FromResult(true);
        }
    }
}
