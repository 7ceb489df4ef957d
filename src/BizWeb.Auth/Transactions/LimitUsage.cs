namespace BizWeb.Auth;

/// <summary>One applicable limit and what the business day has used of it so far.</summary>
/// <param name="Limit">The limit.</param>
/// <param name="UsedToday">The sum of the day's authorised transfers at this level, in yen.</param>
public readonly record struct LimitUsage(TransferLimit Limit, long UsedToday);
