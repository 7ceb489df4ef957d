namespace BizWeb.Auth;

/// <summary>
/// A contract's transaction settings: the services the bank enabled, and what the administrator set
/// under 各種設定 (P.16) — debit accounts with their limits, the contract-wide limit, the payee-borne
/// fee table and the file-transfer credentials. Immutable and versioned like <see cref="Contract"/>;
/// the 全銀パスワード appears only as a PHC hash and the ファイルアクセスキー only encrypted.
/// </summary>
public sealed record ContractSettings
{
    /// <summary>The contract.</summary>
    public required ContractId ContractId { get; init; }

    /// <summary>The catalogue ids of the services the bank enabled for the contract.</summary>
    public IReadOnlyList<string> EnabledServices { get; init; } = [];

    /// <summary>ご契約先口座情報: the debit accounts and their limits.</summary>
    public IReadOnlyList<DebitAccount> DebitAccounts { get; init; } = [];

    /// <summary>ご契約先限度額: the contract-wide limit.</summary>
    public TransferLimit ContractLimit { get; init; } = new(null, null);

    /// <summary>先方負担手数料: the customer's own payee-borne fee bands, or <see langword="null"/> to deduct the bank's fee.</summary>
    public IReadOnlyList<FeeBand>? PayeeBorneFees { get; init; }

    /// <summary>PHC hash of the 全銀パスワード, once set.</summary>
    public string? ZenginPasswordHash { get; init; }

    /// <summary>The ファイルアクセスキー encrypted with <see cref="ISecretProtector"/> (purpose <c>BizWeb.Auth.FileAccessKey</c>), once set.</summary>
    public byte[]? ProtectedFileAccessKey { get; init; }

    /// <summary>The store's concurrency version: 0 for settings not stored yet.</summary>
    public long Version { get; init; }

    /// <summary>Identity only: never the file-transfer credentials.</summary>
    /// <returns>E.g. <c>ContractSettings 12345678901 (v2)</c>.</returns>
    public override string ToString() => $"ContractSettings {ContractId} (v{Version})";

    /// <summary>The settings of a contract that has none stored yet: nothing enabled, no accounts, no limits.</summary>
    /// <param name="contractId">The contract.</param>
    /// <returns>Version 0 settings.</returns>
    public static ContractSettings Empty(ContractId contractId) => new() { ContractId = contractId };

    /// <summary>Finds a debit account by <see cref="DebitAccount.Id"/>.</summary>
    /// <param name="accountId">The account id.</param>
    /// <returns>The account, or <see langword="null"/>.</returns>
    public DebitAccount? FindDebitAccount(string? accountId) => DebitAccounts.FirstOrDefault(a => string.Equals(a.Id, accountId, StringComparison.Ordinal));
}
