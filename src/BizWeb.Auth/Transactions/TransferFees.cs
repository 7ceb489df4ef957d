namespace BizWeb.Auth;

/// <summary>
/// Computes a transfer's fee and the amount the payee receives (a pure function). When the payer
/// bears the fee (当方負担) the payee receives the amount and the bank's fee is debited on top. When
/// the payee bears it (先方負担) the customer's own 先方負担手数料 for the amount's band (the bank's fee
/// when the customer registered none) is deducted from the amount, and the bank's fee for the amount
/// actually sent is debited on top; a deduction that leaves nothing for the payee is refused.
/// </summary>
public static class TransferFees
{
    /// <summary>The most a single transfer may be: 9,999,999,999,999 yen (13 digits, 全銀 format).</summary>
    public const long MaxAmount = 9_999_999_999_999;

    /// <summary>Quotes a transfer.</summary>
    /// <param name="amount">The amount instructed, 1 … <see cref="MaxAmount"/> yen.</param>
    /// <param name="relation">Where the payee is.</param>
    /// <param name="bearer">Who bears the fee.</param>
    /// <param name="bankFees">The bank's fee master.</param>
    /// <param name="payeeBorneFees">The customer's own 先方負担手数料 table, or <see langword="null"/> to deduct the bank's fee.</param>
    /// <returns>The quote, or <see cref="MessageCode.TransferAmountInvalid"/> / <see cref="MessageCode.TransferAmountBelowFee"/>.</returns>
    public static AuthResult<TransferQuote> Quote(long amount, PayeeRelation relation, FeeBearer bearer, FeeSchedule bankFees, FeeSchedule? payeeBorneFees = null)
    {
        ArgumentNullException.ThrowIfNull(bankFees);
        if (amount is <= 0 or > MaxAmount || !Enum.IsDefined(relation) || !Enum.IsDefined(bearer))
        {
            return AuthResult.Fail<TransferQuote>(MessageCode.TransferAmountInvalid);
        }

        var deduction = bearer == FeeBearer.Payee ? (payeeBorneFees ?? bankFees).FeeFor(amount, relation) : 0;
        var sent = amount - deduction;
        if (sent <= 0)
        {
            return AuthResult.Fail<TransferQuote>(MessageCode.TransferAmountBelowFee);
        }

        var fee = bankFees.FeeFor(sent, relation);
        return AuthResult.Ok(new TransferQuote(amount, deduction, sent, fee, sent + fee));
    }
}
