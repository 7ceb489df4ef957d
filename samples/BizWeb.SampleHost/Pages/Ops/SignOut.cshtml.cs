using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Operations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace BizWeb.SampleHost.Pages.Ops;

/// <summary>Ends the operator's session (POST only; audited).</summary>
public sealed class SignOutModel : OpsPageModel
{
    public IActionResult OnGet() => LocalRedirect("/ops/");

    public async Task<IActionResult> OnPostAsync()
    {
        await Service<OperatorAudit>().AppendAsync(Operator.Actor, "OperatorSignedOut", AuditOutcome.Succeeded, cancellationToken: Aborted);
        await Service<EndedSessions>().EndAsync(User, OperatorSession.AbsoluteTimeout, Aborted);
        await HttpContext.SignOutAsync(OperatorSession.Scheme);
        return LocalRedirect(OperationsConsole.SignInPath);
    }
}
