using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// The live customer card (お客様カード, credential ②) of a contract, as stored: its serial number
/// and its 8 two-digit values encrypted at rest (<see cref="ISecretProtector"/>, purpose
/// <c>BizWeb.Tokens.CustomerCard</c>). A contract has at most one live card; reissue replaces it.
/// </summary>
public sealed record CustomerCard
{
    /// <summary>The contract the card belongs to (printed on the card).</summary>
    public required ContractId ContractId { get; init; }

    /// <summary>The card's serial number (not secret), printed on the card.</summary>
    public required string SerialNumber { get; init; }

    /// <summary>The ciphertext of the 16 digits ア1 ア2 イ1 … ク2, in print order.</summary>
    public required byte[] ProtectedValues { get; init; }

    /// <summary>When the bank issued the card.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"CustomerCard {SerialNumber} of {ContractId}";
}
