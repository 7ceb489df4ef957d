namespace BizWeb.SampleHost.Pages;

/// <summary>The login portal the manual starts every procedure from (管理者1-1, 2-1, 3-1; 利用者6-1, 7-1, 8-1).</summary>
public sealed class IndexModel : SitePageModel
{
    public bool Expired { get; private set; }

    public void OnGet(int? expired) => Expired = expired == 1;
}
