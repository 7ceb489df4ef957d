using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.User.Certificate;

/// <summary>利用者6-2: contract id, user id and the (temporary) login PIN ⑤ begin the user's enrollment.</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class IndexModel(CertificateEnrollment enrollment) : SitePageModel
{
    public string? ContractId { get; private set; }

    public string? UserId { get; private set; }

    public void OnGet()
    {
        FlowHandle = null;
        CertificateCompletePageModel.Forget(TempData);
    }

    public async Task<IActionResult> OnPostAsync(string? contractId, string? userId, string? loginPin)
    {
        (ContractId, UserId) = (contractId, userId);
        var begun = await enrollment.BeginUserAsync(contractId, userId, loginPin, Anonymous, HttpContext.RequestAborted);
        if (!Show(begun))
        {
            return Page();
        }

        FlowHandle = begun.Value.Handle;
        return RedirectToPage("Token");
    }
}
