namespace BizWeb.Auth;

/// <summary>What a locked user credential stops (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §5); chosen per contract by the bank.</summary>
public enum LockoutMode
{
    /// <summary>利用中止連動式: a locked user credential stops the whole contract.</summary>
    Linked = 0,

    /// <summary>利用中止非連動式: a locked user credential stops only that user.</summary>
    Unlinked = 1,
}
