using System.Globalization;
using BizWeb.Auth;

namespace BizWeb.SampleHost.Pages.User.Manage.Transfers;

/// <summary>The posted form of 資金移動内容入力; the amount arrives as text so a typo is a message, not a zero.</summary>
public sealed class TransferInput
{
    public string? IdempotencyKey { get; set; }

    public string? DebitAccount { get; set; }

    public string? PayeeBankCode { get; set; }

    public string? PayeeBranchCode { get; set; }

    public PayeeAccountType PayeeAccountType { get; set; } = PayeeAccountType.Ordinary;

    public string? PayeeAccountNumber { get; set; }

    public string? PayeeName { get; set; }

    public string? Amount { get; set; }

    public FeeBearer FeeBearer { get; set; } = FeeBearer.Payer;

    public DateOnly? ExecutionDate { get; set; }

    public bool AmountIsNumber => long.TryParse(Amount, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    public TransferRequest ToRequest() => new()
    {
        IdempotencyKey = IdempotencyKey,
        DebitAccount = DebitAccount,
        PayeeBankCode = PayeeBankCode,
        PayeeBranchCode = PayeeBranchCode,
        PayeeAccountType = PayeeAccountType,
        PayeeAccountNumber = PayeeAccountNumber,
        PayeeName = PayeeName,
        Amount = long.TryParse(Amount, NumberStyles.None, CultureInfo.InvariantCulture, out var yen) ? yen : 0,
        FeeBearer = FeeBearer,
        ExecutionDate = ExecutionDate,
    };
}
