using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.User.Login;

/// <summary>利用者8-2: the certificate chosen at 証明書選択 plus the login PIN ⑤ sign the user in.</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class IndexModel(UserSignIn signIn) : SitePageModel
{
    public string? Certificate { get; private set; }

    public async Task OnGetAsync() => Certificate = await ClientCertificates.DescribeAsync(HttpContext);

    public async Task<IActionResult> OnPostAsync(string? loginPin)
    {
        Certificate = await ClientCertificates.DescribeAsync(HttpContext);
        var signedIn = await signIn.SignInAsync(await HttpContext.GetBizWebClientCertificateAsync(), loginPin, Anonymous, HttpContext.RequestAborted);
        if (!Show(signedIn))
        {
            return Page();
        }

        await SignInAsync(signedIn.Value);
        CarryMessages();
        return RedirectToPage("/User/Manage/Index");
    }
}
