namespace BizWeb.Auth;

/// <summary>What a transfer costs and delivers, in whole yen.</summary>
/// <param name="Amount">The amount instructed (振込金額).</param>
/// <param name="Deduction">The payee-borne fee deducted from it (先方負担手数料), 0 when the payer bears the fee.</param>
/// <param name="PayeeReceives">What reaches the payee's account: <c>Amount − Deduction</c>.</param>
/// <param name="Fee">The bank's fee charged to the customer for the transfer actually sent.</param>
/// <param name="Debited">What leaves the debit account: <c>PayeeReceives + Fee</c>.</param>
public sealed record TransferQuote(long Amount, long Deduction, long PayeeReceives, long Fee, long Debited);
