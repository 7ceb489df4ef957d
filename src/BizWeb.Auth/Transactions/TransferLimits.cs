namespace BizWeb.Auth;

/// <summary>
/// Whether a transfer fits every applicable limit: each per-transfer limit, and each daily limit
/// with what the day used already. A pure check; the store reserves the daily totals atomically
/// when the transfer is authorised, so parallel transfers cannot together pass a limit.
/// </summary>
public static class TransferLimits
{
    /// <summary>Checks <paramref name="amount"/> against every limit in <paramref name="usages"/>.</summary>
    /// <param name="amount">The transfer amount in yen (fees are not counted against limits).</param>
    /// <param name="usages">Every applicable level.</param>
    /// <returns>Success, or <see cref="MessageCode.TransferLimitExceeded"/> and/or <see cref="MessageCode.DailyLimitExceeded"/>.</returns>
    public static AuthResult Check(long amount, IReadOnlyList<LimitUsage> usages)
    {
        ArgumentNullException.ThrowIfNull(usages);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var perTransfer = usages.Any(u => u.Limit.PerTransfer is { } max && amount > max);
        // Subtraction instead of UsedToday + amount: no overflow near long.MaxValue.
        var perDay = usages.Any(u => u.Limit.PerDay is { } max && (u.UsedToday > max || amount > max - u.UsedToday));
        var errors = new List<BizWebMessage>(2);
        if (perTransfer)
        {
            errors.Add(MessageCatalog.Get(MessageCode.TransferLimitExceeded));
        }

        if (perDay)
        {
            errors.Add(MessageCatalog.Get(MessageCode.DailyLimitExceeded));
        }

        return errors.Count == 0 ? AuthResult.Success : AuthResult.Fail(errors);
    }
}
