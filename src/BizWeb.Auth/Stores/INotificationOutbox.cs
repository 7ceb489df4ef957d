namespace BizWeb.Auth;

/// <summary>The outbox of security notifications; entries are added through <see cref="IAuthUnitOfWork"/>.</summary>
public interface INotificationOutbox
{
    /// <summary>Pending notifications whose <see cref="SecurityNotification.NextAttemptAt"/> has come, oldest first.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="maxCount">The batch size.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The due notifications.</returns>
    ValueTask<IReadOnlyList<SecurityNotification>> ListDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically claims a due notification for one delivery attempt: only if it is still pending,
    /// due at <paramref name="now"/> and has <paramref name="expectedAttempts"/> attempts, increments
    /// the attempts and moves <see cref="SecurityNotification.NextAttemptAt"/> to <paramref name="leaseUntil"/>.
    /// So two dispatchers never send the same notification at the same time.
    /// </summary>
    /// <param name="id">The notification.</param>
    /// <param name="expectedAttempts">The attempts it had when listed.</param>
    /// <param name="now">The current time.</param>
    /// <param name="leaseUntil">When another dispatcher may retry if this one dies.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether this caller owns the attempt.</returns>
    ValueTask<bool> TryClaimAsync(Guid id, int expectedAttempts, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Records a delivery.</summary>
    /// <param name="id">The notification.</param>
    /// <param name="deliveredAt">When the sender accepted it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    ValueTask MarkDeliveredAsync(Guid id, DateTimeOffset deliveredAt, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt and when to retry, or that delivery is abandoned.</summary>
    /// <param name="id">The notification.</param>
    /// <param name="nextAttemptAt">When to retry.</param>
    /// <param name="errorType">The error's type name.</param>
    /// <param name="abandoned">Whether to give up.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    ValueTask MarkFailedAsync(Guid id, DateTimeOffset nextAttemptAt, string errorType, bool abandoned, CancellationToken cancellationToken);

    /// <summary>Every notification of the contract, newest first (for operators and tests).</summary>
    /// <param name="contractId">The contract.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The notifications.</returns>
    ValueTask<IReadOnlyList<SecurityNotification>> ListForContractAsync(ContractId contractId, CancellationToken cancellationToken);

    /// <summary>How many notifications are neither delivered nor abandoned.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The backlog.</returns>
    ValueTask<int> CountPendingAsync(CancellationToken cancellationToken);
}
