using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace BizWeb.SampleHost.Operations;

/// <summary>
/// Checked on every console request: the absolute time-out, that the operator still exists in the
/// directory, and that he is not locked (a lock reached from another terminal ends this session too).
/// </summary>
internal sealed class OperatorSessionEvents(OperatorDirectory directory) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var operatorId = OperatorSession.OperatorId(context.Principal);
        var signedInAt = OperatorSession.SignedInAt(context.Principal);
        var signIn = context.HttpContext.RequestServices.GetRequiredService<OperatorSignIn>();
        if (operatorId is null
            || signedInAt is null
            || TimeProvider.System.GetUtcNow() - signedInAt.Value > OperatorSession.AbsoluteTimeout
            || directory.Find(operatorId) is null
            || await signIn.IsLockedAsync(operatorId, context.HttpContext.RequestAborted)
            || await context.HttpContext.RequestServices.GetRequiredService<Sessions.EndedSessions>().IsEndedAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(OperatorSession.Scheme);
        }
    }
}
