using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BizWeb.Auth;

/// <summary>
/// What the user sees on the review screen (利用者9-1) and confirms with the token: the transaction the
/// one-time password is bound to. <see cref="ComputeDigest"/> is a canonical SHA-256 over every field,
/// so a changed amount, fee, payee, debit account or date after review gives another digest and the
/// confirmation fails (dynamic linking, PSD2 RTS Art. 5 style).
/// </summary>
public sealed record TransferDetails
{
    /// <summary>The debit account (支払口座): branch code, account type and number as the bank formats them.</summary>
    public required string DebitAccount { get; init; }

    /// <summary>The payee's bank code (4 digits).</summary>
    public required string PayeeBankCode { get; init; }

    /// <summary>The payee's branch code (3 digits).</summary>
    public required string PayeeBranchCode { get; init; }

    /// <summary>The payee's account type.</summary>
    public required PayeeAccountType PayeeAccountType { get; init; }

    /// <summary>The payee's account number (7 digits).</summary>
    public required string PayeeAccountNumber { get; init; }

    /// <summary>The payee's name (受取人名) in half-width kana as the 全銀 system carries it.</summary>
    public required string PayeeName { get; init; }

    /// <summary>The quote: amount, deduction, what the payee receives, fee and what is debited.</summary>
    public required TransferQuote Quote { get; init; }

    /// <summary>Who bears the fee.</summary>
    public required FeeBearer FeeBearer { get; init; }

    /// <summary>The execution date (振込指定日) in the bank's calendar.</summary>
    public required DateOnly ExecutionDate { get; init; }

    /// <summary>The canonical SHA-256 of every displayed field (length-prefixed, versioned, culture-invariant).</summary>
    /// <returns>32 bytes.</returns>
    public byte[] ComputeDigest()
    {
        var text = new StringBuilder("BizWeb.Transfer.v1|");
        foreach (var field in new[]
        {
            DebitAccount, PayeeBankCode, PayeeBranchCode, ((int)PayeeAccountType).ToString(CultureInfo.InvariantCulture), PayeeAccountNumber, PayeeName,
            Quote.Amount.ToString(CultureInfo.InvariantCulture), Quote.Deduction.ToString(CultureInfo.InvariantCulture),
            Quote.PayeeReceives.ToString(CultureInfo.InvariantCulture), Quote.Fee.ToString(CultureInfo.InvariantCulture),
            Quote.Debited.ToString(CultureInfo.InvariantCulture), ((int)FeeBearer).ToString(CultureInfo.InvariantCulture),
            ExecutionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
