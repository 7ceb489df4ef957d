using System.Collections.Concurrent;

namespace BizWeb.Tokens;

/// <summary>The thread-safe in-memory <see cref="ITransactionConfirmationStore"/> registered by default.</summary>
internal sealed class InMemoryTransactionConfirmationStore : ITransactionConfirmationStore
{
    private readonly ConcurrentDictionary<Guid, TransactionConfirmation> _confirmations = new();

    public ValueTask AddAsync(TransactionConfirmation confirmation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        foreach (var expired in _confirmations.Where(c => c.Value.ExpiresAt <= confirmation.CreatedAt))
        {
            // Forget confirmations that can no longer be confirmed, so the store does not grow without bound.
            _confirmations.TryRemove(expired);
        }

        if (!_confirmations.TryAdd(confirmation.Id, confirmation))
        {
            throw new InvalidOperationException("A confirmation with this id exists already.");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<TransactionConfirmation?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_confirmations.TryGetValue(id, out var confirmation) ? confirmation : null);

    public ValueTask<bool> TryConsumeAsync(Guid id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_confirmations.TryRemove(id, out _));
}
