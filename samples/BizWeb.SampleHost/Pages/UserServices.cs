namespace BizWeb.SampleHost.Pages;

/// <summary>
/// The services an administrator grants at 管理者4-2 h. 利用者権限設定. The SDK on this branch keeps
/// granted services as plain names and has no catalogue yet, so the host lists the four the manual
/// names, with the ids the SDK's coming catalogue (BankServices) uses; swap this list for it then.
/// </summary>
public static class UserServices
{
    public static IReadOnlyList<UserService> All { get; } =
    [
        new("BalanceInquiry", "残高照会", "Balance inquiry"),
        new("Statements", "入出金明細照会", "Statements"),
        new("Transfers", "振込・振替", "Transfers"),
        new("FileTransfer", "ファイル伝送", "File transfer"),
    ];

    /// <summary>The name of a granted service in the page's language (the id itself when unknown).</summary>
    public static string NameOf(string id) => All.FirstOrDefault(s => s.Id == id)?.Name ?? id;
}

/// <summary>One grantable service: its stored id and its label.</summary>
public sealed record UserService(string Id, string Japanese, string English)
{
    public string Name => SiteText.T(Japanese, English);
}
