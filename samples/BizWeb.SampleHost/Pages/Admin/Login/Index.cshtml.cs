using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.Admin.Login;

/// <summary>管理者3-2: the certificate chosen at 証明書選択 plus the login PIN ③.</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class IndexModel(AdminSignIn signIn) : SitePageModel
{
    public string? Certificate { get; private set; }

    public async Task OnGetAsync()
    {
        FlowHandle = null;
        Certificate = await ClientCertificates.DescribeAsync(HttpContext);
    }

    public async Task<IActionResult> OnPostAsync(string? loginPin)
    {
        Certificate = await ClientCertificates.DescribeAsync(HttpContext);
        var step = await signIn.VerifyPinAsync(await HttpContext.GetBizWebClientCertificateAsync(), loginPin, Anonymous, HttpContext.RequestAborted);
        if (!Show(step))
        {
            return Page();
        }

        FlowHandle = step.Value.Handle;
        Prompts = step.Value.Challenge.Prompts;
        return RedirectToPage("Card");
    }
}
