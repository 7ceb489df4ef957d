namespace BizWeb.Auth;

/// <summary>Reads transfers; changes go through <see cref="IAuthUnitOfWork"/> (<see cref="AuthChanges.Put(Transfer)"/>).</summary>
public interface ITransferStore
{
    /// <summary>The transfer, or <see langword="null"/>.</summary>
    /// <param name="id">The transfer id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The transfer as last committed.</returns>
    ValueTask<Transfer?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The user's transfer with <paramref name="idempotencyKey"/>, or <see langword="null"/>.</summary>
    /// <param name="user">The user.</param>
    /// <param name="idempotencyKey">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The transfer.</returns>
    ValueTask<Transfer?> FindByIdempotencyKeyAsync(PrincipalId user, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>The user's transfers, newest first.</summary>
    /// <param name="user">The user.</param>
    /// <param name="maxCount">At most this many.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The transfers.</returns>
    ValueTask<IReadOnlyList<Transfer>> ListAsync(PrincipalId user, int maxCount, CancellationToken cancellationToken);
}
