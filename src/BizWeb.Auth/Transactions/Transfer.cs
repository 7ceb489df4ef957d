namespace BizWeb.Auth;

/// <summary>
/// A user's transfer (振込・振替) from draft to authorisation. Immutable and versioned: every step
/// stores a new instance with optimistic concurrency on <see cref="Version"/>, with its audit record.
/// </summary>
public sealed record Transfer
{
    /// <summary>The transfer's id (not secret).</summary>
    public required Guid Id { get; init; }

    /// <summary>The user who drafted it.</summary>
    public required PrincipalId User { get; init; }

    /// <summary>The host's idempotency key: one user's key names one transfer, which is authorised at most once.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>What the review screen shows and the token confirms.</summary>
    public required TransferDetails Details { get; init; }

    /// <summary>Where the payee is relative to the debit account (for the fee).</summary>
    public required PayeeRelation PayeeRelation { get; init; }

    /// <summary>The state.</summary>
    public required TransferState State { get; init; }

    /// <summary>The digest frozen at review (<see cref="TransferDetails.ComputeDigest"/>); <see langword="null"/> before review.</summary>
    public byte[]? ReviewedDigest { get; init; }

    /// <summary>The token confirmation opened at review.</summary>
    public Guid? ConfirmationId { get; init; }

    /// <summary>When the review stops being confirmable.</summary>
    public DateTimeOffset? ReviewExpiresAt { get; init; }

    /// <summary>The executor's reference once authorised (e.g. the core system's transaction number).</summary>
    public string? ExecutionReference { get; init; }

    /// <summary>Why it was refused or failed.</summary>
    public MessageCode? RefusalCode { get; init; }

    /// <summary>When it was drafted.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The store's concurrency version: 0 for a transfer not stored yet.</summary>
    public long Version { get; init; }

    /// <summary>Identity and state only: never the payee.</summary>
    /// <returns>E.g. <c>Transfer 3f2c… Authorised (v4)</c>.</returns>
    public override string ToString() => $"Transfer {Id} {State} (v{Version})";
}
