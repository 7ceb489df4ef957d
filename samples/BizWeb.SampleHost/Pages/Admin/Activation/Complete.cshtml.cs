namespace BizWeb.SampleHost.Pages.Admin.Activation;

/// <summary>管理者1-5: 「管理者開通確認完了」.</summary>
public sealed class CompleteModel : SitePageModel
{
    public void OnGet()
    {
    }
}
