namespace BizWeb.Auth;

/// <summary>
/// The daily totals of authorised transfers per business day (bank's time zone), at each limit level.
/// <see cref="TryReserveAsync"/> is one atomic conditional increment of every total, so transfers
/// running in parallel on any number of servers can never together pass a daily limit.
/// </summary>
public interface ITransferTotalStore
{
    /// <summary>
    /// Adds <paramref name="amount"/> to every total of <paramref name="day"/> in
    /// <paramref name="reservations"/> if each stays within its limit; otherwise changes nothing.
    /// </summary>
    /// <param name="reservations">The totals, with distinct keys.</param>
    /// <param name="day">The business day.</param>
    /// <param name="amount">The amount in yen, positive.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether all were reserved.</returns>
    ValueTask<bool> TryReserveAsync(IReadOnlyList<DailyTotalReservation> reservations, DateOnly day, long amount, CancellationToken cancellationToken);

    /// <summary>Gives back a reservation (a refused execution, a cancelled scheduled transfer); a total never goes below zero.</summary>
    /// <param name="keys">The totals' keys.</param>
    /// <param name="day">The business day.</param>
    /// <param name="amount">The amount in yen, positive.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    ValueTask ReleaseAsync(IReadOnlyList<string> keys, DateOnly day, long amount, CancellationToken cancellationToken);

    /// <summary>The totals of <paramref name="day"/> (0 where none), in the order of <paramref name="keys"/>.</summary>
    /// <param name="keys">The totals' keys.</param>
    /// <param name="day">The business day.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The totals in yen.</returns>
    ValueTask<IReadOnlyList<long>> GetUsedAsync(IReadOnlyList<string> keys, DateOnly day, CancellationToken cancellationToken);
}
