using BizWeb.Auth;

namespace BizWeb.SampleHost.Pages.Admin.Manage.Settings;

/// <summary>
/// P.16 ９．各種設定 (任意): what is set now — the services the bank enabled, ① ご契約先口座情報,
/// ② whether the ファイル伝送契約情報 is registered (never the credentials themselves), ③ ご契約先限度額,
/// ④ 振込手数料マスタ (先方負担手数料) — with a screen per setting.
/// </summary>
public sealed class IndexModel(OptionalSettings settings) : SitePageModel
{
    public ContractSettingsSummary Summary { get; private set; } = null!;

    public async Task OnGetAsync() => Summary = await settings.GetAsync(Admin, HttpContext.RequestAborted);
}
