using BizWeb.Auth;

namespace BizWeb.Testing;

/// <summary>
/// Deliberately cheap PIN hashing parameters so that suites which hash PINs stay fast. Only the
/// hasher's own tests use the real (OWASP) defaults. Never use these outside tests.
/// </summary>
public static class TestPinHashing
{
    /// <summary>Argon2id with 64 KiB and one pass.</summary>
    public static PinHashingOptions CheapArgon2id() => new() { Argon2MemoryKiB = 64, Argon2Iterations = 1, Argon2Parallelism = 1 };

    /// <summary>PBKDF2-HMAC-SHA256 with 1,000 iterations.</summary>
    public static PinHashingOptions CheapPbkdf2() => new() { Algorithm = PinHashAlgorithm.Pbkdf2Sha256, Pbkdf2Iterations = 1_000 };

    /// <summary>A hasher with <see cref="CheapArgon2id"/>.</summary>
    public static IPinHasher CheapHasher() => new PhcPinHasher(CheapArgon2id());
}
