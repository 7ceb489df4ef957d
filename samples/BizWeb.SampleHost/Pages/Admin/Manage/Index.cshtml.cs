using BizWeb.Auth;

namespace BizWeb.SampleHost.Pages.Admin.Manage;

/// <summary>管理者3-4: ご契約先ステータス, the administrator's menu.</summary>
public sealed class IndexModel(IContractStore contracts, UserAdministration users) : SitePageModel
{
    public string ContractId { get; private set; } = string.Empty;

    public string? Email { get; private set; }

    public int UserCount { get; private set; }

    public async Task OnGetAsync()
    {
        var contract = await contracts.FindAsync(Principal.ContractId, HttpContext.RequestAborted);
        ContractId = Principal.ContractId.ToString();
        Email = contract?.AdminEmail;
        UserCount = (await users.ListAsync(Admin, HttpContext.RequestAborted)).Count(u => u.State != UserState.Deleted);
    }
}
