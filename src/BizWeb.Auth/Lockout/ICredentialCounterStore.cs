namespace BizWeb.Auth;

/// <summary>
/// Consecutive-failure counters, one per credential (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §5). Implementations make
/// <see cref="TryReserveAttemptAsync"/> a single atomic step (in a database: one conditional
/// statement), so parallel requests on several servers can never evaluate more guesses than the limit.
/// </summary>
public interface ICredentialCounterStore
{
    /// <summary>
    /// Atomically increments the counter of <paramref name="key"/> if it is below
    /// <paramref name="limit"/>; a counter whose <c>expiresAt</c> has passed counts from zero.
    /// </summary>
    /// <param name="key">The counter's key: an opaque string the flows choose (at most 80 characters).</param>
    /// <param name="limit">The lockout limit.</param>
    /// <param name="now">The current time.</param>
    /// <param name="expiresAt">
    /// When the counter should be forgotten (used for unknown principals), or <see langword="null"/> to keep it until reset.
    /// </param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether an attempt was reserved, and the counter.</returns>
    ValueTask<AttemptReservation> TryReserveAttemptAsync(string key, int limit, DateTimeOffset now, DateTimeOffset? expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Gives back an attempt reserved with <see cref="TryReserveAttemptAsync"/> whose answer turned out not to
    /// be a guess (a one-time password the token already used): compare-and-decrement, one atomic step — if
    /// the counter still holds <paramref name="reservedFailures"/> (what the reservation returned), it becomes
    /// one less; otherwise (another request reserved, or a success reset it, since) nothing changes. Never
    /// below zero.
    /// </summary>
    /// <param name="key">The counter's key.</param>
    /// <param name="reservedFailures">The <see cref="AttemptReservation.Failures"/> of the reservation given back, at least 1.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the attempt was given back.</returns>
    ValueTask<bool> TryReleaseAttemptAsync(string key, int reservedFailures, CancellationToken cancellationToken);

    /// <summary>Sets the counter of <paramref name="key"/> to zero (after a success).</summary>
    /// <param name="key">The counter's key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    ValueTask ResetAsync(string key, CancellationToken cancellationToken);

    /// <summary>The counter's current value (0 when unknown or expired).</summary>
    /// <param name="key">The counter's key.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of consecutive failures.</returns>
    ValueTask<int> GetFailuresAsync(string key, DateTimeOffset now, CancellationToken cancellationToken);
}
