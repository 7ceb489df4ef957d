using BizWeb.Tokens;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>The live customer card of a contract (key: the contract); the values only as the ciphertext the tokens package gave.</summary>
internal sealed class CustomerCardRow
{
    public required string ContractId { get; set; }

    public required string SerialNumber { get; set; }

    public required byte[] ProtectedValues { get; set; }

    public long IssuedAt { get; set; }

    public static CustomerCardRow From(CustomerCard card) => new()
    {
        ContractId = card.ContractId.ToString(),
        SerialNumber = card.SerialNumber,
        ProtectedValues = card.ProtectedValues,
        IssuedAt = Ticks.From(card.IssuedAt),
    };

    public CustomerCard ToCard() => new()
    {
        ContractId = StoredIds.Contract(ContractId),
        SerialNumber = SerialNumber,
        ProtectedValues = ProtectedValues,
        IssuedAt = Ticks.ToInstant(IssuedAt),
    };
}
