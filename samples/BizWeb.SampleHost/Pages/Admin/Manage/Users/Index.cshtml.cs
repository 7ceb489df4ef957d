using BizWeb.Auth;

namespace BizWeb.SampleHost.Pages.Admin.Manage.Users;

/// <summary>
/// 管理者4-1 利用者情報選択: the contract's users and 新規登録; after a registration it is 4-3
/// 「利用者登録完了」 with what the administrator tells the user.
/// </summary>
public sealed class IndexModel(UserAdministration users) : SitePageModel
{
    internal const string RegisteredKey = "registered-user";

    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    public string ContractId => Principal.ContractId.ToString();

    /// <summary>The user id just registered (4-3), or null.</summary>
    public string? Registered { get; private set; }

    public async Task OnGetAsync()
    {
        Registered = TempData[RegisteredKey] as string;
        Users = await users.ListAsync(Admin, HttpContext.RequestAborted);
    }
}
