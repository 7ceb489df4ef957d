namespace BizWeb.Auth;

/// <summary>The answer of <see cref="IPinHasher.VerifyPin"/>.</summary>
public enum PinVerificationResult
{
    /// <summary>The PIN does not match (or there was no stored hash).</summary>
    Failed = 0,

    /// <summary>The PIN matches.</summary>
    Succeeded = 1,

    /// <summary>The PIN matches, and the stored hash was made with weaker parameters or another
    /// algorithm than configured: hash the PIN again and store the new hash.</summary>
    SucceededRehashNeeded = 2,
}
