using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// An open customer card challenge as stored: the positions asked, the card they were asked of, and
/// the flow step they are bound to. Holds no card value.
/// </summary>
public sealed record CustomerCardChallenge
{
    /// <summary>The challenge's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The contract whose card is asked.</summary>
    public required ContractId ContractId { get; init; }

    /// <summary>The serial number of the card the positions were asked of; reissue makes the challenge dead.</summary>
    public required string CardSerialNumber { get; init; }

    /// <summary>Who is asked (the administrator).</summary>
    public required PrincipalId Principal { get; init; }

    /// <summary>The step that asked.</summary>
    public required FlowPurpose Purpose { get; init; }

    /// <summary>The flow instance that asked.</summary>
    public required Guid FlowId { get; init; }

    /// <summary>The distinct positions asked, in the order the answer gives them.</summary>
    public required IReadOnlyList<CustomerCardPosition> Positions { get; init; }

    /// <summary>When it was asked.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>After this it cannot be answered.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Whether it can still be answered at <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="true"/> before <see cref="ExpiresAt"/>.</returns>
    public bool IsOpen(DateTimeOffset now) => now < ExpiresAt;
}
