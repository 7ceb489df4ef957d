using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.Admin.Activation;

/// <summary>管理者1-2: contract id and the registration PIN ① begin the administrator's activation.</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class IndexModel(AdminActivation activation) : SitePageModel
{
    public string? ContractId { get; private set; }

    public void OnGet() => FlowHandle = null;

    public async Task<IActionResult> OnPostAsync(string? contractId, string? registrationPin)
    {
        ContractId = contractId;
        var begun = await activation.BeginAsync(contractId, registrationPin, Anonymous, HttpContext.RequestAborted);
        if (!Show(begun))
        {
            return Page();
        }

        FlowHandle = begun.Value.Handle;
        return RedirectToPage("Credentials");
    }
}
