using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using BizWeb.SampleHost.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace BizWeb.SampleHost.Sessions;

/// <summary>
/// Checked on every request that carries the session cookie: the absolute time-out, and the SDK's
/// <see cref="SessionValidation"/> with the request's client certificate (which makes the request's
/// caller for the pages), so a request without the
/// certificate the session signed in with, a revoked or superseded certificate, a lock, suspension,
/// accident, deletion or PIN change ends the session at once, on every instance; and a session signed
/// out is never accepted again.
/// </summary>
internal sealed class SessionCookieEvents(SampleHostSettings settings, TimeProvider time) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var signedIn = SessionPrincipal.Read(context.Principal);
        var signedInAt = context.Principal is null ? null : SessionPrincipal.SignedInAt(context.Principal);
        var caller = signedIn is not null && signedInAt is { } at && time.GetUtcNow() - at <= settings.Options.AbsoluteTimeout
            ? await http.RequestServices.GetRequiredService<SessionValidation>().ValidateAsync(signedIn, await ClientCertificates.GetAsync(http), http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted)
            : null;
        if (caller is null || await http.RequestServices.GetRequiredService<EndedSessions>().IsEndedAsync(context.Principal, http.RequestAborted))
        {
            context.RejectPrincipal();
            await http.SignOutAsync(SessionPrincipal.Scheme);
            return;
        }

        RequestCallers.Set(http, caller);
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
