namespace BizWeb.Auth;

/// <summary>How a guarded credential check ended.</summary>
internal enum GuardOutcome
{
    Verified,
    Failed,
    Locked,

    /// <summary>Not evaluated: the remaining attempts are held by requests still being evaluated, and nothing is locked.</summary>
    Busy,
    Malformed,

    /// <summary>The right one-time password, already used by the token: answered "wait for the next code", and the reserved attempt given back.</summary>
    Replayed,

    /// <summary>Not evaluated and nothing reserved: KDF admission control found too many PIN evaluations running and waiting (<see cref="KdfAdmission"/>).</summary>
    Overloaded,

    /// <summary>The signed-in caller is stale (deleted, stamp changed, certificate no longer current); nothing was evaluated.</summary>
    Stale,
}
