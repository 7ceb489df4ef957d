using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.Admin.Activation;

/// <summary>管理者1-3: ① again, the new login PIN ③, confirmation PIN ④ and the e-mail address.</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class CredentialsModel(AdminActivation activation) : SitePageModel
{
    public string? Email { get; private set; }

    public IActionResult OnGet() => FlowHandle is null ? RedirectToPage("Index") : Page();

    public async Task<IActionResult> OnPostAsync(string? registrationPin, string? loginPin, string? confirmationPin, string? email)
    {
        Email = email;
        var step = await activation.SetCredentialsAsync(FlowHandle, registrationPin, loginPin, confirmationPin, email, Anonymous, HttpContext.RequestAborted);
        if (!Show(step))
        {
            return Page();
        }

        FlowHandle = step.Value.Handle;
        Prompts = step.Value.Challenge.Prompts;
        return RedirectToPage("Card");
    }
}
