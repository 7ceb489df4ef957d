namespace BizWeb.Auth;

/// <summary>Evaluates one PIN guess for <see cref="CredentialGuard"/> and remembers whether its hash wants renewing.</summary>
internal sealed class PinCheck(IPinHasher hasher, string pin, string? storedHash)
{
    public bool RehashNeeded { get; private set; }

    public ValueTask<SecondFactorVerification> EvaluateAsync(CancellationToken cancellationToken)
    {
        var result = hasher.VerifyPin(pin, storedHash);
        RehashNeeded = result == PinVerificationResult.SucceededRehashNeeded;
        return ValueTask.FromResult(result == PinVerificationResult.Failed ? SecondFactorVerification.Rejected : SecondFactorVerification.Verified);
    }

    /// <summary>The hash to store after a success: a fresh one when the stored parameters are below the configured ones.</summary>
    public string? Renewed(IPinHasher pinHasher) => RehashNeeded ? pinHasher.HashPin(pin) : null;
}
