using BizWeb.Auth;

namespace BizWeb.SampleHost.Pages.User.Manage;

/// <summary>利用者8-3: 利用者ステータス, the user's menu.</summary>
public sealed class IndexModel(IUserStore users) : SitePageModel
{
    public string ContractId { get; private set; } = string.Empty;

    public string UserId { get; private set; } = string.Empty;

    public string? Name { get; private set; }

    public string? Email { get; private set; }

    public IReadOnlyList<string> Services { get; private set; } = [];

    public async Task OnGetAsync()
    {
        ContractId = Principal.ContractId.ToString();
        UserId = Principal.UserId.ToString() ?? string.Empty;
        var user = await users.FindAsync(Principal.ContractId, Principal.UserId!.Value, HttpContext.RequestAborted);
        Name = user?.NameKanji ?? user?.NameKana;
        Email = user?.Email;
        Services = user?.GrantedServices.Select(id => UserServices.NameOf(UserServices.Catalogue(HttpContext.RequestServices), id)).ToList() ?? [];
    }
}
