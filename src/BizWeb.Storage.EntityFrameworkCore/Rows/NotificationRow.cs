using BizWeb.Auth;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>The stored form of a <see cref="SecurityNotification"/> in the outbox.</summary>
internal sealed class NotificationRow
{
    public Guid Id { get; set; }

    public int Event { get; set; }

    public required string ContractId { get; set; }

    public string? UserId { get; set; }

    public required string EmailAddress { get; set; }

    public long CreatedAt { get; set; }

    public int Attempts { get; set; }

    public long NextAttemptAt { get; set; }

    public long? DeliveredAt { get; set; }

    public bool Abandoned { get; set; }

    public string? LastError { get; set; }

    public static NotificationRow From(SecurityNotification notification) => new()
    {
        Id = notification.Id,
        Event = (int)notification.Event,
        ContractId = notification.Recipient.ContractId.ToString(),
        UserId = notification.Recipient.UserId?.ToString(),
        EmailAddress = notification.EmailAddress,
        CreatedAt = Ticks.From(notification.CreatedAt),
        Attempts = notification.Attempts,
        NextAttemptAt = Ticks.From(notification.NextAttemptAt),
        DeliveredAt = Ticks.From(notification.DeliveredAt),
        Abandoned = notification.Abandoned,
        LastError = notification.LastError,
    };

    public SecurityNotification ToNotification() => new()
    {
        Id = Id,
        Event = (SecurityEvent)Event,
        Recipient = StoredIds.Principal(ContractId, UserId),
        EmailAddress = EmailAddress,
        CreatedAt = Ticks.ToInstant(CreatedAt),
        Attempts = Attempts,
        NextAttemptAt = Ticks.ToInstant(NextAttemptAt),
        DeliveredAt = Ticks.ToInstant(DeliveredAt),
        Abandoned = Abandoned,
        LastError = LastError,
    };
}
