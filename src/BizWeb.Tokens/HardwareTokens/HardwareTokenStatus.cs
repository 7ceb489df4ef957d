namespace BizWeb.Tokens;

/// <summary>Where a hardware token is in its life.</summary>
public enum HardwareTokenStatus
{
    /// <summary>In the bank's inventory, not registered to anyone.</summary>
    InStock = 0,

    /// <summary>Registered to a user (P.15).</summary>
    Assigned = 1,

    /// <summary>Unregistered (lost, replaced): never accepted or registered again.</summary>
    Retired = 2,
}
