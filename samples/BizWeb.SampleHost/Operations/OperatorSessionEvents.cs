using BizWeb.AspNetCore;
using BizWeb.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace BizWeb.SampleHost.Operations;

/// <summary>
/// Checked on every request with the operator cookie: the SDK's <see cref="BankOperatorAuthentication"/>
/// asks the host's <see cref="OperatorAuthenticator"/> (time-out, directory, lock, signed out) and makes
/// the request's <see cref="BankOperator"/> caller, which the console pages pass to the SDK.
/// </summary>
internal sealed class OperatorSessionEvents : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var caller = await http.RequestServices.GetRequiredService<BankOperatorAuthentication>()
            .AuthenticateAsync(context.Principal, http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
        if (caller is null)
        {
            context.RejectPrincipal();
            await http.SignOutAsync(OperatorSession.Scheme);
            return;
        }

        http.SetBizWebCaller(caller);
    }
}
