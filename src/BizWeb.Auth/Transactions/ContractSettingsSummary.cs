namespace BizWeb.Auth;

/// <summary>What the administrator's 各種設定 screens show (P.16): never the file-transfer credentials themselves.</summary>
/// <param name="EnabledServices">The services the bank enabled (the ones 利用者権限設定 may grant).</param>
/// <param name="DebitAccounts">ご契約先口座情報.</param>
/// <param name="ContractLimit">ご契約先限度額.</param>
/// <param name="PayeeBorneFees">先方負担手数料, or <see langword="null"/> when the bank's fee is deducted.</param>
/// <param name="FileTransferInfoRegistered">Whether the 全銀パスワード and ファイルアクセスキー are set.</param>
public sealed record ContractSettingsSummary(
    IReadOnlyList<BankService> EnabledServices,
    IReadOnlyList<DebitAccount> DebitAccounts,
    TransferLimit ContractLimit,
    IReadOnlyList<FeeBand>? PayeeBorneFees,
    bool FileTransferInfoRegistered);
