namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>What one <see cref="BizWebStoragePurge.PurgeAsync"/> deleted.</summary>
/// <param name="Tickets">Flow tickets expired for longer than the retention.</param>
/// <param name="Notifications">Notifications delivered longer ago than the retention.</param>
/// <param name="Counters">Expired failure counters of unknown principals (they already count as zero).</param>
public readonly record struct StoragePurgeResult(int Tickets, int Notifications, int Counters)
{
    /// <summary>Expired customer card challenges (they can no longer be answered).</summary>
    public int CardChallenges { get; init; }

    /// <summary>Expired transaction confirmations (they can no longer be confirmed).</summary>
    public int TransactionConfirmations { get; init; }
}
