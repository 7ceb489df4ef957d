namespace BizWeb.Auth;

/// <summary>The named states of a contract (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §4, §5); transitions are in <see cref="ContractLifecycle"/>.</summary>
public enum ContractState
{
    /// <summary>Created by the bank; the administrator has not completed 管理者開通確認 yet.</summary>
    AwaitingAdminActivation = 0,

    /// <summary>Activated: the administrator and the users may sign in.</summary>
    Active = 1,

    /// <summary>利用停止: a contract-level credential (or, in linked mode, a user credential) locked; nobody may sign in.</summary>
    Stopped = 2,

    /// <summary>The bank unlocked the contract; the administrator must activate again (Q3-2, Q3-3, Q4-2).</summary>
    AwaitingReactivation = 3,
}
