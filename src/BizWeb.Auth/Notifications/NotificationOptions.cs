namespace BizWeb.Auth;

/// <summary>Delivery of security e-mails from the outbox.</summary>
public sealed class NotificationOptions
{
    /// <summary>Attempts before a notification is abandoned (kept for the operators): 10 by default.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The first retry delay, doubled after each failure: 30 seconds by default.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest retry delay: 1 hour by default.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claimed notification is reserved for one dispatcher: 2 minutes by default.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Notifications handled per dispatch: 50 by default.</summary>
    public int BatchSize { get; set; } = 50;

    internal IEnumerable<string> Validate(string prefix)
    {
        if (MaxAttempts is < 1 or > 100)
        {
            yield return $"{prefix}:MaxAttempts must be between 1 and 100.";
        }

        if (InitialRetryDelay <= TimeSpan.Zero || MaxRetryDelay < InitialRetryDelay)
        {
            yield return $"{prefix}:InitialRetryDelay must be positive and not above MaxRetryDelay.";
        }

        if (ClaimLease <= TimeSpan.Zero)
        {
            yield return $"{prefix}:ClaimLease must be positive.";
        }

        if (BatchSize is < 1 or > 1000)
        {
            yield return $"{prefix}:BatchSize must be between 1 and 1000.";
        }
    }
}
