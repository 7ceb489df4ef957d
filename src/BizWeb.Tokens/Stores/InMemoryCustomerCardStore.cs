using System.Collections.Concurrent;
using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>The thread-safe in-memory <see cref="ICustomerCardStore"/> registered by default.</summary>
internal sealed class InMemoryCustomerCardStore : ICustomerCardStore
{
    private readonly ConcurrentDictionary<ContractId, CustomerCard> _cards = new();

    public ValueTask<CustomerCard?> FindAsync(ContractId contractId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_cards.TryGetValue(contractId, out var card) ? card : null);

    public ValueTask ReplaceAsync(CustomerCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        _cards[card.ContractId] = card;
        return ValueTask.CompletedTask;
    }
}
