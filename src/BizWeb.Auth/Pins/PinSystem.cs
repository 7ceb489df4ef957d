namespace BizWeb.Auth;

/// <summary>The PIN system (暗証番号体系) a deployment uses (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §3).</summary>
public enum PinSystem
{
    /// <summary><see cref="PinPolicy.Standard"/>: 6–12, letters and digits combined. The default.</summary>
    Standard = 0,

    /// <summary><see cref="PinPolicy.LegacyInitial"/>: 4–12, digits only and letters only allowed.</summary>
    LegacyInitial = 1,

    /// <summary>A policy from <see cref="PinPolicyOptions.MinLength"/>, <see cref="PinPolicyOptions.MaxLength"/> and <see cref="PinPolicyOptions.Composition"/>.</summary>
    Custom = 2,
}
