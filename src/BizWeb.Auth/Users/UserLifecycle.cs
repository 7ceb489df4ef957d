namespace BizWeb.Auth;

/// <summary>The one place that holds the user's transitions.</summary>
/// <remarks>
/// <code>
/// Registered ──Activated──▶ Active
///     │  ▲                   │  ▲
///  Suspended Released     Suspended Released     (Released returns to Registered when the user
///     ▼  │                   ▼  │                 never activated, to Active otherwise)
///     Suspended ◀────────────┘──┘
/// any state but Deleted ──Deleted──▶ Deleted
/// </code>
/// </remarks>
public static class UserLifecycle
{
    /// <summary>The state <paramref name="trigger"/> leads to from <paramref name="state"/>, if the transition exists.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="trigger">What happened.</param>
    /// <param name="hasActivated">Whether the user completed activation before (decides where a release leads).</param>
    /// <param name="next">The next state when the transition exists.</param>
    /// <returns>Whether the transition is allowed.</returns>
    public static bool TryNext(UserState state, UserTrigger trigger, bool hasActivated, out UserState next)
    {
        next = (state, trigger) switch
        {
            (UserState.Registered, UserTrigger.Activated) => UserState.Active,
            (UserState.Registered or UserState.Active, UserTrigger.Suspended) => UserState.Suspended,
            (UserState.Suspended, UserTrigger.Released) => hasActivated ? UserState.Active : UserState.Registered,
            (not UserState.Deleted, UserTrigger.Deleted) => UserState.Deleted,
            _ => (UserState)(-1),
        };
        return next >= 0;
    }
}
