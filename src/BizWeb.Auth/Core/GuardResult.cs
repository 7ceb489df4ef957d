namespace BizWeb.Auth;

/// <summary>The outcome of <see cref="CredentialGuard"/> with the input error of a malformed answer.</summary>
internal readonly record struct GuardResult(GuardOutcome Outcome, BizWebMessage? Error = null)
{
    public bool Verified => Outcome == GuardOutcome.Verified;
}
