namespace BizWeb.Auth;

/// <summary>The answer of <see cref="PinGuard"/>: the verdict, and what was loaded (null for unknown identifiers).</summary>
internal sealed record PinGuardResult(GuardResult Guard, Contract? Contract, User? User, PinCheck? Check)
{
    public bool Verified => Guard.Verified;

    /// <summary>The error a refusal answers with: <paramref name="failed"/> for a wrong PIN, the lock message once locked.</summary>
    public MessageCode ErrorCode(MessageCode failed, MessageCode locked) => Guard.Outcome == GuardOutcome.Locked ? locked : failed;
}
