namespace BizWeb.Auth;

/// <summary>
/// A contract account transfers are debited from (ご契約先口座情報) with its own limits.
/// </summary>
/// <param name="BranchCode">The branch (店番), 3 half-width digits.</param>
/// <param name="AccountType">普通, 当座 or 貯蓄.</param>
/// <param name="AccountNumber">The account number (口座番号), 7 half-width digits.</param>
/// <param name="Limit">The account's per-transfer and per-day limits (no limit where <see langword="null"/>).</param>
public sealed record DebitAccount(string BranchCode, PayeeAccountType AccountType, string AccountNumber, TransferLimit Limit)
{
    /// <summary>The account as transfers name it (<see cref="TransferRequest.DebitAccount"/>, <see cref="TransferDetails.DebitAccount"/>): <c>branch-type-number</c>, e.g. <c>001-1-1234567</c>.</summary>
    public string Id => $"{BranchCode}-{(int)AccountType}-{AccountNumber}";
}
