using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.Admin.Certificate;

/// <summary>The customer-card answer ② gives the single-use enrollment ticket, kept as the flow handle.</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class CardModel(CertificateEnrollment enrollment) : SitePageModel
{
    public IActionResult OnGet() => FlowHandle is null ? RedirectToPage("Index") : Page();

    public async Task<IActionResult> OnPostAsync(string? cardAnswer)
    {
        var ticket = await enrollment.CompleteAdminAsync(FlowHandle, cardAnswer, Anonymous, HttpContext.RequestAborted);
        if (!Show(ticket))
        {
            return Page();
        }

        FlowHandle = ticket.Value.Handle;
        return RedirectToPage("Request");
    }
}
