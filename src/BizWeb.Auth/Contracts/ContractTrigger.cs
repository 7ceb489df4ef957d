namespace BizWeb.Auth;

/// <summary>What moves a contract from one <see cref="ContractState"/> to another.</summary>
public enum ContractTrigger
{
    /// <summary>The administrator completed (re-)activation.</summary>
    AdminActivated = 0,

    /// <summary>A credential locked (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §5).</summary>
    Locked = 1,

    /// <summary>The bank unlocked the contract on its terminal.</summary>
    BankUnlocked = 2,
}
