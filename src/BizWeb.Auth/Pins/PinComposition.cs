namespace BizWeb.Auth;

/// <summary>Which half-width characters a PIN system requires (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §3).</summary>
public enum PinComposition
{
    /// <summary>At least one letter and at least one digit (the <see cref="PinPolicy.Standard"/> system).</summary>
    LettersAndDigits = 0,

    /// <summary>Letters and/or digits; digits only and letters only are allowed (the <see cref="PinPolicy.LegacyInitial"/> system).</summary>
    LettersOrDigits = 1,

    /// <summary>Digits only.</summary>
    DigitsOnly = 2,
}
