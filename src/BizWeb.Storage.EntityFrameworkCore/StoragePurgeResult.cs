namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>What one <see cref="BizWebStoragePurge.PurgeAsync"/> deleted.</summary>
/// <param name="Tickets">Flow tickets expired for longer than the retention.</param>
/// <param name="Notifications">Notifications delivered longer ago than the retention.</param>
/// <param name="Counters">Expired failure counters of unknown principals (they already count as zero).</param>
public readonly record struct StoragePurgeResult(int Tickets, int Notifications, int Counters);
