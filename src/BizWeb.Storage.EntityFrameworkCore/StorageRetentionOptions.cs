namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// How long finished rows are kept before <see cref="BizWebStoragePurge"/> deletes them. The audit
/// trail is never purged, and neither is anything it or a live flow still needs.
/// </summary>
public sealed class StorageRetentionOptions
{
    /// <summary>
    /// How long a flow ticket (activation, sign-in, enrollment ticket) is kept after it expired:
    /// 1 day by default, which outlasts the 15-minute cooldown that reads the latest activation ticket.
    /// </summary>
    public TimeSpan ExpiredTicketRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a delivered notification is kept after delivery: 30 days by default. Abandoned ones are kept for the operators.</summary>
    public TimeSpan DeliveredNotificationRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the hosted purge runs: every hour by default.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    internal IEnumerable<string> Validate()
    {
        if (ExpiredTicketRetention < TimeSpan.Zero)
        {
            yield return "ExpiredTicketRetention must not be negative.";
        }

        if (DeliveredNotificationRetention < TimeSpan.Zero)
        {
            yield return "DeliveredNotificationRetention must not be negative.";
        }

        if (Interval <= TimeSpan.Zero)
        {
            yield return "Interval must be positive.";
        }
    }
}
