namespace BizWeb.Tokens;

/// <summary>Stores open transaction confirmations; every method is one atomic step.</summary>
public interface ITransactionConfirmationStore
{
    /// <summary>Stores a new confirmation.</summary>
    /// <param name="confirmation">The confirmation.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    ValueTask AddAsync(TransactionConfirmation confirmation, CancellationToken cancellationToken);

    /// <summary>The confirmation if it exists and is not consumed; expired ones may or may not be returned.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The confirmation, or <see langword="null"/>.</returns>
    ValueTask<TransactionConfirmation?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Deletes the confirmation if it exists: of parallel callers exactly one gets <see langword="true"/>.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> for the caller that consumed it.</returns>
    ValueTask<bool> TryConsumeAsync(Guid id, CancellationToken cancellationToken);
}
