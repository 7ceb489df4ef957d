namespace BizWeb.SampleHost.Pages.Admin.Certificate;

/// <summary>管理者2-3 ヘルプサイト 電子証明書の取得方法: the cross-platform certificate tool.</summary>
public sealed class HelpModel : SitePageModel
{
    public void OnGet()
    {
    }
}
