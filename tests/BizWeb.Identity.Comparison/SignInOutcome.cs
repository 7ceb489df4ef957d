namespace BizWeb.Identity.Comparison;

/// <summary>What one sign-in attempt answered, in terms both sides share.</summary>
public enum SignInOutcome
{
    /// <summary>Signed in.</summary>
    SignedIn,

    /// <summary>Wrong PIN (password), not locked.</summary>
    Failed,

    /// <summary>Locked: refused (ours: <c>UserLocked</c>; Identity: <c>IsLockedOut</c>).</summary>
    LockedOut,

    /// <summary>Ours only: refused unevaluated while the last attempts were in flight (<c>CredentialBusy</c>).</summary>
    Busy,

    /// <summary>Anything else (a bug in the set-up).</summary>
    Other,
}
