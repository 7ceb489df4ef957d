using System.Security.Claims;
using BizWeb.Auth;
using BizWeb.AspNetCore;

namespace BizWeb.SampleHost.Operations;

/// <summary>
/// The sample host's word on a bank operator for the SDK (<see cref="IBankOperatorAuthenticator"/>): an
/// operator session is current while it is within its absolute time-out, the operator is in the
/// directory and not locked, and the session was not signed out. A start-up task of the host itself
/// (<see cref="StartupTask"/>, e.g. <c>--demo</c>) acts under its own name; no request can present one.
/// </summary>
internal sealed class OperatorAuthenticator(OperatorDirectory directory, OperatorSignIn signIn, EndedSessions endedSessions) : IBankOperatorAuthenticator
{
    private const string StartupType = "BizWeb.Startup";

    /// <summary>The operator principal of a start-up task of this process (never a cookie's).</summary>
    public static ClaimsPrincipal StartupTask(string name) =>
        new(new ClaimsIdentity([new Claim(OperatorSession.OperatorClaim, name)], StartupType));

    public async ValueTask<string?> AuthenticateAsync(ClaimsPrincipal operatorSession, CancellationToken cancellationToken)
    {
        var operatorId = OperatorSession.OperatorId(operatorSession);
        if (operatorId is null)
        {
            return null;
        }

        if (operatorSession.Identity?.AuthenticationType == StartupType)
        {
            return operatorId;
        }

        var signedInAt = OperatorSession.SignedInAt(operatorSession);
        var current = operatorSession.Identity?.AuthenticationType == OperatorSession.Scheme
            && signedInAt is not null
            && TimeProvider.System.GetUtcNow() - signedInAt.Value <= OperatorSession.AbsoluteTimeout
            && directory.Find(operatorId) is not null
            && !await signIn.IsLockedAsync(operatorId, cancellationToken)
            && !await endedSessions.IsEndedAsync(operatorSession, cancellationToken);
        return current ? operatorId : null;
    }
}
