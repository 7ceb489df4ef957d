using BizWeb.Auth;
using BizWeb.Tokens;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// An open customer card challenge: the positions asked (as their numbers, e.g. <c>0,2,6</c>), never a
/// card value. One per step: (principal, purpose, flow) is unique.
/// </summary>
internal sealed class CardChallengeRow
{
    public Guid Id { get; set; }

    public required string ContractId { get; set; }

    public required string CardSerialNumber { get; set; }

    /// <summary>The principal in one column (<see cref="StoredIds.Key"/>), so the step's unique index also holds for the administrator.</summary>
    public required string Principal { get; set; }

    public int Purpose { get; set; }

    public Guid FlowId { get; set; }

    public required string Positions { get; set; }

    public long IssuedAt { get; set; }

    public long ExpiresAt { get; set; }

    public static CardChallengeRow From(CustomerCardChallenge challenge) => new()
    {
        Id = challenge.Id,
        ContractId = challenge.ContractId.ToString(),
        CardSerialNumber = challenge.CardSerialNumber,
        Principal = StoredIds.Key(challenge.Principal),
        Purpose = (int)challenge.Purpose,
        FlowId = challenge.FlowId,
        Positions = string.Join(',', challenge.Positions.Select(p => ((int)p).ToString(System.Globalization.CultureInfo.InvariantCulture))),
        IssuedAt = Ticks.From(challenge.IssuedAt),
        ExpiresAt = Ticks.From(challenge.ExpiresAt),
    };

    public CustomerCardChallenge ToChallenge() => new()
    {
        Id = Id,
        ContractId = StoredIds.Contract(ContractId),
        CardSerialNumber = CardSerialNumber,
        Principal = StoredIds.Principal(Principal),
        Purpose = (FlowPurpose)Purpose,
        FlowId = FlowId,
        Positions = Positions.Length == 0 ? [] : [.. Positions.Split(',').Select(p => (CustomerCardPosition)int.Parse(p, System.Globalization.CultureInfo.InvariantCulture))],
        IssuedAt = Ticks.ToInstant(IssuedAt),
        ExpiresAt = Ticks.ToInstant(ExpiresAt),
    };
}
