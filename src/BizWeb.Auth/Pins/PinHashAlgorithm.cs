namespace BizWeb.Auth;

/// <summary>The key-derivation function new PIN hashes are made with.</summary>
public enum PinHashAlgorithm
{
    /// <summary>Argon2id (RFC 9106), OWASP's first choice. The default.</summary>
    Argon2id = 0,

    /// <summary>PBKDF2-HMAC-SHA256 (.NET built-in), for banks that need FIPS 140 validated primitives.</summary>
    Pbkdf2Sha256 = 1,
}
