namespace BizWeb.Auth;

/// <summary>The fields of the transfer entry screen (資金移動内容入力画面), as typed.</summary>
public sealed class TransferRequest
{
    /// <summary>The host's idempotency key for this entry (1–64 printable ASCII characters, e.g. a GUID the form carries).</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The debit account's <see cref="DebitAccount.Id"/>.</summary>
    public string? DebitAccount { get; init; }

    /// <summary>The payee's bank code (4 half-width digits).</summary>
    public string? PayeeBankCode { get; init; }

    /// <summary>The payee's branch code (3 half-width digits).</summary>
    public string? PayeeBranchCode { get; init; }

    /// <summary>The payee's account type.</summary>
    public PayeeAccountType PayeeAccountType { get; init; } = PayeeAccountType.Ordinary;

    /// <summary>The payee's account number (7 half-width digits).</summary>
    public string? PayeeAccountNumber { get; init; }

    /// <summary>受取人名: 1–30 characters of the 全銀 set (half-width kana, upper-case letters, digits, space and <c>().-/</c>).</summary>
    public string? PayeeName { get; init; }

    /// <summary>The amount in yen.</summary>
    public long Amount { get; init; }

    /// <summary>Who bears the fee.</summary>
    public FeeBearer FeeBearer { get; init; } = FeeBearer.Payer;

    /// <summary>振込指定日, or <see langword="null"/> for today (bank's time zone).</summary>
    public DateOnly? ExecutionDate { get; init; }
}
