namespace BizWeb.Auth;

/// <summary>
/// Evaluates one PIN guess for <see cref="CredentialGuard"/> in the KDF place <see cref="PinGuard"/> took
/// for it, and gives the place back as soon as the key derivation is done. A right PIN whose hash was made
/// with weaker parameters is hashed again in the same place (<see cref="Renewed"/>).
/// </summary>
internal sealed class PinCheck(IPinHasher hasher, string pin, string? storedHash, KdfPlace place)
{
    /// <summary>The hash to store after a success: a fresh one when the stored parameters are below the configured ones, else null.</summary>
    public string? Renewed { get; private set; }

    public ValueTask<SecondFactorVerification> EvaluateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = hasher.VerifyPin(pin, storedHash);
            if (result == PinVerificationResult.SucceededRehashNeeded)
            {
                Renewed = hasher.HashPin(pin);
            }

            return ValueTask.FromResult(result == PinVerificationResult.Failed ? SecondFactorVerification.Rejected : SecondFactorVerification.Verified);
        }
        finally
        {
            place.Dispose();
        }
    }
}
