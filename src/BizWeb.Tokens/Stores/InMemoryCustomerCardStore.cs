using System.Collections.Concurrent;
using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// The thread-safe in-memory <see cref="ICustomerCardStore"/> registered by default. Replacements are
/// serialised by a write gate, so the audit trail records them in the order the cards changed.
/// </summary>
internal sealed class InMemoryCustomerCardStore : ICustomerCardStore, IDisposable
{
    private readonly ConcurrentDictionary<ContractId, CustomerCard> _cards = new();
    private readonly SemaphoreSlim _writes = new(1, 1);
    private readonly IAuthUnitOfWork _unitOfWork;

    public InMemoryCustomerCardStore(IAuthUnitOfWork unitOfWork) => _unitOfWork = unitOfWork ?? throw new ArgumentNullException(nameof(unitOfWork));

    public ValueTask<CustomerCard?> FindAsync(ContractId contractId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_cards.TryGetValue(contractId, out var card) ? card : null);

    public async ValueTask ReplaceAsync(CustomerCard card, AuthChanges? changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await InMemoryChanges.CommitAsync(_unitOfWork, changes).ConfigureAwait(false);
            _cards[card.ContractId] = card;
        }
        finally
        {
            _writes.Release();
        }
    }

    public void Dispose() => _writes.Dispose();
}
