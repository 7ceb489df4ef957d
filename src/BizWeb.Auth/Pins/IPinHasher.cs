namespace BizWeb.Auth;

/// <summary>
/// Hashes and verifies PINs. Hashes are self-describing PHC strings (algorithm, version,
/// parameters, salt and hash in one string), so parameters can be raised and old hashes re-hashed
/// at the next successful sign-in. Implementations compare in constant time and never put a PIN
/// or a hash into an exception message or a log.
/// </summary>
public interface IPinHasher
{
    /// <summary>Hashes a PIN with a fresh 16-byte salt from a CSPRNG and the configured parameters.</summary>
    /// <param name="pin">The PIN. Its format is the caller's concern (see <see cref="PinPolicy"/>).</param>
    /// <returns>The PHC string to store.</returns>
    string HashPin(string pin);

    /// <summary>
    /// Checks a PIN against a stored hash. When <paramref name="storedHash"/> is null (no such
    /// contract or user) the same key derivation runs against a fixed dummy hash and the answer is
    /// <see cref="PinVerificationResult.Failed"/>, so the time taken does not reveal which ids exist.
    /// </summary>
    /// <param name="pin">The PIN as entered.</param>
    /// <param name="storedHash">The stored PHC string, or null when the principal does not exist.</param>
    /// <returns>Whether the PIN matches, and whether the hash should be renewed.</returns>
    /// <exception cref="FormatException">The stored hash is malformed or truncated: an infrastructure fault, never a match.</exception>
    PinVerificationResult VerifyPin(string pin, string? storedHash);
}
