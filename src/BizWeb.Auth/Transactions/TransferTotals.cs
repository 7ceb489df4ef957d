namespace BizWeb.Auth;

/// <summary>
/// The daily totals a transfer counts toward — the user's for the transfer service, the debit
/// account's and the contract's — with their current limits, and the business day they belong to.
/// </summary>
internal static class TransferTotals
{
    public static string UserKey(PrincipalId user, string service) => $"user:{user}:{service}";

    public static string AccountKey(ContractId contractId, string accountId) => $"account:{contractId}:{accountId}";

    public static string ContractKey(ContractId contractId) => $"contract:{contractId}";

    /// <summary>Every level with its limit (the user's limit for <see cref="BankServices.Transfers"/>, the debit account's, the contract's).</summary>
    public static IReadOnlyList<(string Key, TransferLimit Limit)> Levels(User user, ContractSettings settings, DebitAccount account) =>
    [
        (UserKey(user.Principal, BankServices.Transfers), user.ServiceLimits.TryGetValue(BankServices.Transfers, out var limit) ? limit : new TransferLimit(null, null)),
        (AccountKey(settings.ContractId, account.Id), account.Limit),
        (ContractKey(settings.ContractId), settings.ContractLimit),
    ];

    public static IReadOnlyList<string> Keys(Transfer transfer) =>
    [
        UserKey(transfer.User, BankServices.Transfers),
        AccountKey(transfer.User.ContractId, transfer.Details.DebitAccount),
        ContractKey(transfer.User.ContractId),
    ];

    /// <summary>The business day of a transfer: its execution date (a scheduled transfer counts toward the day it is executed).</summary>
    public static DateOnly Day(Transfer transfer) => transfer.Details.ExecutionDate;
}
