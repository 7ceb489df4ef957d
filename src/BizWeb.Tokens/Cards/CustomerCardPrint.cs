using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// The printable values of a newly issued customer card, returned once by
/// <see cref="CustomerCardIssuance.IssueAsync"/> for the card printer and never again: afterwards the
/// values exist only encrypted. <see cref="ToString"/> never shows them.
/// </summary>
public sealed class CustomerCardPrint
{
    private readonly string _values;

    internal CustomerCardPrint(ContractId contractId, string serialNumber, DateTimeOffset issuedAt, string values)
    {
        ContractId = contractId;
        SerialNumber = serialNumber;
        IssuedAt = issuedAt;
        _values = values;
    }

    /// <summary>The contract id to print on the card.</summary>
    public ContractId ContractId { get; }

    /// <summary>The card's serial number.</summary>
    public string SerialNumber { get; }

    /// <summary>When the card was issued.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>The two half-width digits printed at <paramref name="position"/>, e.g. <c>04</c>.</summary>
    /// <param name="position">A position ア–ク.</param>
    /// <returns>Two ASCII digits.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined position.</exception>
    public string GetValue(CustomerCardPosition position)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)position, (uint)CustomerCardPositions.Count, nameof(position));
        return _values.Substring((int)position * 2, 2);
    }

    /// <summary>Names the card; never shows its values.</summary>
    /// <returns>The serial number and contract.</returns>
    public override string ToString() => $"CustomerCard {SerialNumber} of {ContractId}";
}
