using BizWeb.Auth;

namespace BizWeb.Testing.Auth;

/// <summary>Counts how many PIN guesses were evaluated (the lockout tests prove no 8th guess ever is).</summary>
public sealed class CountingPinHasher(IPinHasher inner) : IPinHasher
{
    private int _verifications;

    /// <summary>Calls of <see cref="VerifyPin"/> so far.</summary>
    public int Verifications => Volatile.Read(ref _verifications);

    /// <inheritdoc />
    public string HashPin(string pin) => inner.HashPin(pin);

    /// <inheritdoc />
    public PinVerificationResult VerifyPin(string pin, string? storedHash)
    {
        Interlocked.Increment(ref _verifications);
        return inner.VerifyPin(pin, storedHash);
    }

    /// <summary>Sets the count back to zero.</summary>
    public void Reset() => Interlocked.Exchange(ref _verifications, 0);
}
