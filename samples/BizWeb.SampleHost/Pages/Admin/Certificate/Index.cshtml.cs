using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.Admin.Certificate;

/// <summary>管理者2-2 電子証明書取得: contract id and the login PIN ③ begin the administrator's enrollment.</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class IndexModel(CertificateEnrollment enrollment) : SitePageModel
{
    public string? ContractId { get; private set; }

    public void OnGet()
    {
        FlowHandle = null;
        CertificateCompletePageModel.Forget(TempData);
    }

    public async Task<IActionResult> OnPostAsync(string? contractId, string? loginPin)
    {
        ContractId = contractId;
        var begun = await enrollment.BeginAdminAsync(contractId, loginPin, Anonymous, HttpContext.RequestAborted);
        if (!Show(begun))
        {
            return Page();
        }

        FlowHandle = begun.Value.Handle;
        Prompts = begun.Value.Challenge.Prompts;
        return RedirectToPage("Card");
    }
}
