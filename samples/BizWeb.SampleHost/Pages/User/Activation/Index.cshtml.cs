using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.User.Activation;

/// <summary>利用者7-2 証明書選択 and 7-3 利用者ログイン: the certificate plus the temporary login PIN ⑤ begin the activation.</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class IndexModel(UserActivation activation) : SitePageModel
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
        var begun = await activation.BeginAsync(await HttpContext.GetBizWebClientCertificateAsync(), loginPin, Anonymous, HttpContext.RequestAborted);
        if (!Show(begun))
        {
            return Page();
        }

        FlowHandle = begun.Value.Handle;
        TempData[ConfirmModel.HasEmailKey] = begun.Value.HasEmail;
        return RedirectToPage("Confirm");
    }
}
