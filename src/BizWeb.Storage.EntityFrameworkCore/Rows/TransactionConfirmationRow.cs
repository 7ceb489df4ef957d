using BizWeb.Tokens;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>An open transaction confirmation; consuming it is deleting it.</summary>
internal sealed class TransactionConfirmationRow
{
    public Guid Id { get; set; }

    public required string Principal { get; set; }

    public required byte[] Digest { get; set; }

    public string? OcraChallenge { get; set; }

    public long CreatedAt { get; set; }

    public long ExpiresAt { get; set; }

    public static TransactionConfirmationRow From(TransactionConfirmation confirmation) => new()
    {
        Id = confirmation.Id,
        Principal = StoredIds.Key(confirmation.Principal),
        Digest = confirmation.Digest,
        OcraChallenge = confirmation.OcraChallenge,
        CreatedAt = Ticks.From(confirmation.CreatedAt),
        ExpiresAt = Ticks.From(confirmation.ExpiresAt),
    };

    public TransactionConfirmation ToConfirmation() => new()
    {
        Id = Id,
        Principal = StoredIds.Principal(Principal),
        Digest = Digest,
        OcraChallenge = OcraChallenge,
        CreatedAt = Ticks.ToInstant(CreatedAt),
        ExpiresAt = Ticks.ToInstant(ExpiresAt),
    };
}
