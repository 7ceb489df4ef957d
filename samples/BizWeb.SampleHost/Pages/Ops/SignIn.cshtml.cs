using BizWeb.AspNetCore;
using BizWeb.SampleHost.Hosting;
using BizWeb.SampleHost.Operations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using static BizWeb.SampleHost.Pages.SiteText;

namespace BizWeb.SampleHost.Pages.Ops;

/// <summary>Operator sign-in: id, password and TOTP code (see <see cref="OperatorSignIn"/>).</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class SignInModel : OpsPageModel
{
    public string? OperatorIdInput { get; private set; }

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? operatorId, string? password, string? code, string? returnUrl)
    {
        OperatorIdInput = operatorId;
        ReturnUrl = returnUrl;
        var signIn = Service<OperatorSignIn>();
        switch (await signIn.SignInAsync(operatorId, password, code, ClientAddress, Aborted))
        {
            case OperatorSignInOutcome.SignedIn:
                await HttpContext.SignInAsync(OperatorSession.Scheme, OperatorSession.Create(operatorId!.Trim(), TimeProvider.System.GetUtcNow()));
                return LocalRedirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/ops", StringComparison.OrdinalIgnoreCase) ? returnUrl : "/ops/");
            case OperatorSignInOutcome.Locked:
                Errors.Add(T("このオペレーターはロックされています。他のオペレーターにロック解除を依頼してください。", "This operator is locked. Ask another operator to unlock it."));
                return Page();
            default:
                Errors.Add(T("オペレーターID、パスワードまたはワンタイムパスワードが正しくありません。", "The operator ID, password or one-time password is incorrect."));
                return Page();
        }
    }
}
