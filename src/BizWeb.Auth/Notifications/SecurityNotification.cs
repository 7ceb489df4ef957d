namespace BizWeb.Auth;

/// <summary>
/// A security e-mail waiting in the outbox (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §6). Created in the same store commit as the
/// state change that caused it; <see cref="Id"/> is the idempotency key (the e-mail's Message-ID).
/// Holds no PIN, OTP, seed or card value.
/// </summary>
public sealed record SecurityNotification
{
    /// <summary>The idempotency key: one event, one notification, one e-mail.</summary>
    public required Guid Id { get; init; }

    /// <summary>What happened.</summary>
    public required SecurityEvent Event { get; init; }

    /// <summary>The contract, and the user for user events.</summary>
    public required PrincipalId Recipient { get; init; }

    /// <summary>The address registered when the event happened.</summary>
    public required string EmailAddress { get; init; }

    /// <summary>When the event happened.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Delivery attempts so far.</summary>
    public int Attempts { get; init; }

    /// <summary>When the dispatcher may try (again); a claim pushes it forward as a lease.</summary>
    public required DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>When the sender accepted it; <see langword="null"/> while pending.</summary>
    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>Given up after too many attempts (kept for the operators).</summary>
    public bool Abandoned { get; init; }

    /// <summary>The last delivery error's type name (never the message, which may echo an address).</summary>
    public string? LastError { get; init; }

    /// <summary>Never the address.</summary>
    /// <returns>E.g. <c>SecurityNotification AdminActivated for 12345678901 (delivered)</c>.</returns>
    public override string ToString() => $"SecurityNotification {Event} for {Recipient} ({(DeliveredAt is null ? Abandoned ? "abandoned" : $"pending, {Attempts} attempts" : "delivered")})";
}
