using BizWeb.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BizWeb.AspNetCore;

/// <summary>
/// Checked on every request that carries the session cookie: the absolute time-out, the server-side
/// sign-out, and the SDK's <see cref="SessionValidation"/> with the request's client certificate
/// (which makes the request's caller), so a request without the certificate the session signed in
/// with, a revoked or superseded certificate, a lock, suspension, accident, deletion or PIN change
/// ends the session at once, on every instance.
/// </summary>
internal sealed class SessionCookieEvents(IOptions<BizWebAspNetCoreOptions> options, TimeProvider time) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var caller = await ValidateAsync(context, http).ConfigureAwait(false);
        if (caller is null)
        {
            context.RejectPrincipal();
            await http.SignOutAsync(BizWebAuthenticationDefaults.Scheme).ConfigureAwait(false);
            return;
        }

        http.SetBizWebCaller(caller);
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (WantsJson(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        else
        {
            context.Response.Redirect(options.Value.SessionEndedPath);
        }

        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private async Task<SignedInCaller?> ValidateAsync(CookieValidatePrincipalContext context, HttpContext http)
    {
        // The cheap checks first: a readable sign-in within its absolute time-out, then one counter
        // read for the server-side sign-out, then the SDK's validation (one principal read).
        var signedIn = SessionClaims.Read(context.Principal);
        if (signedIn is null || context.Principal is null
            || SessionClaims.SignedInAt(context.Principal) is not { } at
            || time.GetUtcNow() - at > options.Value.AbsoluteTimeout)
        {
            return null;
        }

        var services = http.RequestServices;
        if (await services.GetRequiredService<EndedSessions>().IsEndedAsync(context.Principal, http.RequestAborted).ConfigureAwait(false))
        {
            return null;
        }

        var certificate = await http.GetBizWebClientCertificateAsync().ConfigureAwait(false);
        return await services.GetRequiredService<SessionValidation>()
            .ValidateAsync(signedIn, certificate, http.GetBizWebClientAddress(), http.RequestAborted).ConfigureAwait(false);
    }

    private static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("json", StringComparison.OrdinalIgnoreCase) == true);
}
