using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.Admin.Login;

/// <summary>管理者3-3: the customer-card answer ② completes the administrator's sign-in.</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class CardModel(AdminSignIn signIn) : SitePageModel
{
    public IActionResult OnGet() => FlowHandle is null ? RedirectToPage("Index") : Page();

    public async Task<IActionResult> OnPostAsync(string? cardAnswer)
    {
        var signedIn = await signIn.VerifyCardAsync(FlowHandle, cardAnswer, Anonymous, HttpContext.RequestAborted);
        if (!Show(signedIn))
        {
            return Page();
        }

        await SignInAsync(signedIn.Value);
        return RedirectToPage("/Admin/Manage/Index");
    }
}
