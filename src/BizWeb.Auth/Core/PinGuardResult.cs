namespace BizWeb.Auth;

/// <summary>The answer of <see cref="PinGuard"/>: the verdict, and what was loaded (null for unknown identifiers).</summary>
internal sealed record PinGuardResult(GuardResult Guard, Contract? Contract, User? User, PinCheck? Check)
{
    public bool Verified => Guard.Verified;

    /// <summary>
    /// The errors a refusal answers with: the input error of a malformed PIN, <paramref name="failed"/>
    /// for a wrong one, <paramref name="locked"/> once locked.
    /// </summary>
    public IReadOnlyList<BizWebMessage> Errors(MessageCode failed, MessageCode locked) => Guard.Outcome switch
    {
        GuardOutcome.Malformed => [Guard.Error!],
        GuardOutcome.Locked => [MessageCatalog.Get(locked)],
        GuardOutcome.Busy => [MessageCatalog.Get(MessageCode.CredentialBusy)],
        GuardOutcome.Overloaded => [MessageCatalog.Get(MessageCode.ServiceBusy)],
        GuardOutcome.Stale => [MessageCatalog.Get(MessageCode.SessionEnded)],
        _ => [MessageCatalog.Get(failed)],
    };
}
