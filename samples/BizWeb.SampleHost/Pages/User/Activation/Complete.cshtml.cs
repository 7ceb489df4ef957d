using BizWeb.AspNetCore;
using Microsoft.AspNetCore.Authorization;

namespace BizWeb.SampleHost.Pages.User.Activation;

/// <summary>利用者7-5: 「利用者開通確認完了」; the activation signed the user in.</summary>
[Authorize(Policy = BizWebPolicies.User)]
public sealed class CompleteModel : SitePageModel
{
    public void OnGet()
    {
    }
}
