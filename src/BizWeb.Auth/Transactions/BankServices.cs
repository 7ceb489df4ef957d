namespace BizWeb.Auth;

/// <summary>The ids of the catalogue's default services and the default catalogue (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §1).</summary>
public static class BankServices
{
    /// <summary>残高照会: balance inquiry.</summary>
    public const string BalanceInquiry = "BalanceInquiry";

    /// <summary>入出金明細照会: statements.</summary>
    public const string Statements = "Statements";

    /// <summary>振込・振替: transfers, the service the transfer flow (<see cref="Transfers"/>) requires.</summary>
    public const string Transfers = "Transfers";

    /// <summary>ファイル伝送: file transfer (総合振込・給与振込 files).</summary>
    public const string FileTransfer = "FileTransfer";

    /// <summary>The default catalogue: the four services the manual names.</summary>
    /// <returns>A new list (options own and may change it).</returns>
    public static List<BankService> DefaultCatalogue() =>
    [
        new(BalanceInquiry, "残高照会", "Balance inquiry"),
        new(Statements, "入出金明細照会", "Statements"),
        new(Transfers, "振込・振替", "Transfers"),
        new(FileTransfer, "ファイル伝送", "File transfer"),
    ];
}
