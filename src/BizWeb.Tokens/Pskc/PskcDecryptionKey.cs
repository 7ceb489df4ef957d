namespace BizWeb.Tokens;

/// <summary>
/// How the bank decrypts a PSKC file's seeds (RFC 6030 §6): nothing (plain values), the pre-shared
/// AES key agreed with the token vendor (§6.1), or the password the key is derived from with PBKDF2
/// (§6.2). Never shows the key or password in <see cref="ToString"/>.
/// </summary>
public sealed class PskcDecryptionKey
{
    private PskcDecryptionKey(byte[]? preSharedKey, string? password)
    {
        PreSharedKeyBytes = preSharedKey;
        PasswordText = password;
    }

    /// <summary>No key: only files with plain (unencrypted) seeds import.</summary>
    public static PskcDecryptionKey None { get; } = new(null, null);

    internal byte[]? PreSharedKeyBytes { get; }

    internal string? PasswordText { get; }

    /// <summary>A pre-shared AES key (16, 24 or 32 bytes) named by the file's <c>ds:KeyName</c>.</summary>
    /// <param name="key">The key; copied.</param>
    /// <returns>The decryption key.</returns>
    /// <exception cref="ArgumentException">Not 16, 24 or 32 bytes.</exception>
    public static PskcDecryptionKey PreSharedKey(ReadOnlySpan<byte> key)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException("A pre-shared AES key is 16, 24 or 32 bytes.", nameof(key));
        }

        return new(key.ToArray(), null);
    }

    /// <summary>A password from which the file's PBKDF2 parameters derive the key.</summary>
    /// <param name="password">The password agreed with the token vendor.</param>
    /// <returns>The decryption key.</returns>
    public static PskcDecryptionKey Password(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return new(null, password);
    }

    /// <summary>The kind of key only.</summary>
    /// <returns><c>None</c>, <c>PreSharedKey</c> or <c>Password</c>.</returns>
    public override string ToString() => PreSharedKeyBytes is not null ? "PreSharedKey" : PasswordText is not null ? "Password" : "None";
}
