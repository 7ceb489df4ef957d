namespace BizWeb.Auth;

/// <summary>One daily total a transfer adds to, with the limit it must stay within.</summary>
/// <param name="Key">The total's key (the user and service, the debit account, or the contract).</param>
/// <param name="Limit">The daily limit, or <see langword="null"/> for none (the total is still kept).</param>
public readonly record struct DailyTotalReservation(string Key, long? Limit);
