using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using BizWeb.SampleHost.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace BizWeb.SampleHost.Sessions;

/// <summary>
/// Checked on every request that carries the session cookie: the absolute time-out, and the SDK's
/// <see cref="SessionValidation"/> with the request's client certificate, so a request without the
/// certificate the session signed in with, a revoked or superseded certificate, a lock, suspension,
/// accident, deletion or PIN change ends the session at once, on every instance; and a session signed
/// out is never accepted again.
/// </summary>
internal sealed class SessionCookieEvents(SampleHostSettings settings, TimeProvider time) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var signedIn = SessionPrincipal.Read(context.Principal);
        var signedInAt = context.Principal is null ? null : SessionPrincipal.SignedInAt(context.Principal);
        var current = signedIn is not null && signedInAt is { } at
            && time.GetUtcNow() - at <= settings.Options.AbsoluteTimeout
            && await context.HttpContext.RequestServices.GetRequiredService<SessionValidation>().IsCurrentAsync(signedIn, await ClientCertificates.GetAsync(context.HttpContext), context.HttpContext.RequestAborted)
            && !await context.HttpContext.RequestServices.GetRequiredService<EndedSessions>().IsEndedAsync(context.Principal, context.HttpContext.RequestAborted);
        if (!current)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SessionPrincipal.Scheme);
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect("/?expired=1");
        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
