using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.Admin.Activation;

/// <summary>管理者1-4: the customer-card answer ② completes the activation.</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class CardModel(AdminActivation activation) : SitePageModel
{
    public IActionResult OnGet() => FlowHandle is null ? RedirectToPage("Index") : Page();

    public async Task<IActionResult> OnPostAsync(string? cardAnswer)
    {
        var completed = await activation.CompleteAsync(FlowHandle, cardAnswer, Anonymous, HttpContext.RequestAborted);
        if (!Show(completed))
        {
            return Page();
        }

        TempData.Clear();
        return RedirectToPage("Complete");
    }
}
