namespace BizWeb.Auth;

/// <summary>The one place that holds the contract's transitions.</summary>
/// <remarks>
/// <code>
/// AwaitingAdminActivation ──AdminActivated──▶ Active ──Locked──▶ Stopped ──BankUnlocked──▶ AwaitingReactivation
///          │                                    ▲                  ▲                            │   │
///          └────────────Locked─────────────────────────────────────┘◀──────────Locked───────────┘   │
///                                               └───────────────────AdminActivated───────────────────┘
/// </code>
/// </remarks>
public static class ContractLifecycle
{
    /// <summary>The state <paramref name="trigger"/> leads to from <paramref name="state"/>, if the transition exists.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="trigger">What happened.</param>
    /// <param name="next">The next state when the transition exists.</param>
    /// <returns>Whether the transition is allowed.</returns>
    public static bool TryNext(ContractState state, ContractTrigger trigger, out ContractState next)
    {
        next = (state, trigger) switch
        {
            (ContractState.AwaitingAdminActivation, ContractTrigger.AdminActivated) => ContractState.Active,
            (ContractState.AwaitingReactivation, ContractTrigger.AdminActivated) => ContractState.Active,
            (ContractState.AwaitingAdminActivation, ContractTrigger.Locked) => ContractState.Stopped,
            (ContractState.Active, ContractTrigger.Locked) => ContractState.Stopped,
            (ContractState.AwaitingReactivation, ContractTrigger.Locked) => ContractState.Stopped,
            (ContractState.Stopped, ContractTrigger.BankUnlocked) => ContractState.AwaitingReactivation,
            _ => (ContractState)(-1),
        };
        return next >= 0;
    }
}
