using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.User.Certificate;

/// <summary>利用者6-3: the hardware token's one-time password gives the enrollment ticket, kept as the flow handle.</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class TokenModel(CertificateEnrollment enrollment) : SitePageModel
{
    public IActionResult OnGet() => FlowHandle is null ? RedirectToPage("Index") : Page();

    public async Task<IActionResult> OnPostAsync(string? tokenCode)
    {
        var ticket = await enrollment.CompleteUserAsync(FlowHandle, tokenCode, Anonymous, HttpContext.RequestAborted);
        if (!Show(ticket))
        {
            return Page();
        }

        FlowHandle = ticket.Value.Handle;
        return RedirectToPage("Request");
    }
}
