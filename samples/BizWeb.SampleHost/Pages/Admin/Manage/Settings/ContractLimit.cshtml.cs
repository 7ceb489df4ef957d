using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.Admin.Manage.Settings;

/// <summary>③ ご契約先限度額: the limit of the whole contract, per transfer and per day, with ④ (契約法人限度額変更).</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class ContractLimitModel(OptionalSettings settings) : SitePageModel
{
    [BindProperty]
    public LimitInput Limit { get; set; } = new();

    public async Task OnGetAsync() => Limit = LimitInput.Of((await settings.GetAsync(Admin, HttpContext.RequestAborted)).ContractLimit);

    public async Task<IActionResult> OnPostAsync(string? confirmationPin)
    {
        // A wrong amount is the form's error: ④ is not tried and nothing is saved.
        if (!Limit.TryRead(T("ご契約先限度額", "The contract limit"), Errors, out var limit)
            || !Show(await settings.SetContractLimitAsync(Admin, limit, confirmationPin, HttpContext.RequestAborted)))
        {
            return Page();
        }

        Notices.Add(T("ご契約先限度額を変更しました。", "The contract limit was changed."));
        CarryMessages();
        return RedirectToPage("Index");
    }
}
