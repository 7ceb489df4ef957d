using BizWeb.Auth;

namespace BizWeb.SampleHost.Pages.User.Manage.Transfers;

/// <summary>利用者9-2 資金移動送信完了画面: the executor's reference.</summary>
public sealed class DoneModel(BizWeb.Auth.Transfers transfers) : SitePageModel
{
    public Transfer? Transfer { get; private set; }

    public async Task OnGetAsync(Guid id)
    {
        var found = await transfers.GetAsync(SignedInUser, id, HttpContext.RequestAborted);
        Transfer = Show(found) && found.Value.State == TransferState.Authorised ? found.Value : null;
    }
}
