using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BizWeb.Tokens;

/// <summary>
/// How the bank decrypts a PSKC file's seeds (RFC 6030 §6): nothing (plain values), the pre-shared
/// key agreed with the token vendor (§6.1), the password the key is derived from with PBKDF2 (§6.2), or
/// the bank's RSA private key the file is encrypted to (§6.3). Never shows the key or password in
/// <see cref="ToString"/>.
/// </summary>
public sealed class PskcDecryptionKey
{
    private PskcDecryptionKey(byte[]? preSharedKey, string? password, RSA? privateKey, X509Certificate2? certificate)
    {
        PreSharedKeyBytes = preSharedKey;
        PasswordText = password;
        PrivateKeyValue = privateKey;
        CertificateValue = certificate;
    }

    /// <summary>No key: only files with plain (unencrypted) seeds import.</summary>
    public static PskcDecryptionKey None { get; } = new(null, null, null, null);

    internal byte[]? PreSharedKeyBytes { get; }

    internal string? PasswordText { get; }

    internal RSA? PrivateKeyValue { get; }

    internal X509Certificate2? CertificateValue { get; }

    /// <summary>
    /// A pre-shared key (16, 24 or 32 bytes) named by the file's <c>ds:KeyName</c>: AES-128/192/256 or
    /// Camellia-128/192/256 (CBC or, for AES, key wrap), or a 24-byte 3DES key.
    /// </summary>
    /// <param name="key">The key; copied.</param>
    /// <returns>The decryption key.</returns>
    /// <exception cref="ArgumentException">Not 16, 24 or 32 bytes.</exception>
    public static PskcDecryptionKey PreSharedKey(ReadOnlySpan<byte> key)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException("A pre-shared key is 16, 24 or 32 bytes.", nameof(key));
        }

        return new(key.ToArray(), null, null, null);
    }

    /// <summary>A password from which the file's PBKDF2 parameters derive the key.</summary>
    /// <param name="password">The password agreed with the token vendor.</param>
    /// <returns>The decryption key.</returns>
    public static PskcDecryptionKey Password(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return new(null, password, null, null);
    }

    /// <summary>
    /// The bank's RSA private key for a file encrypted to its certificate (<c>ds:X509Data</c>, RSA-OAEP
    /// <c>rsa-oaep-mgf1p</c> or RSA PKCS #1 v1.5 <c>rsa-1_5</c>). The caller keeps <paramref name="privateKey"/>
    /// alive for the import and disposes of it afterwards.
    /// </summary>
    /// <param name="privateKey">The private key, e.g. from <c>RSA.ImportFromPem</c> of a PKCS #8 file.</param>
    /// <returns>The decryption key.</returns>
    public static PskcDecryptionKey PrivateKey(RSA privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        return new(null, null, privateKey, null);
    }

    /// <summary>
    /// The bank's certificate with its RSA private key (e.g. <c>X509Certificate2.CreateFromPemFile(cert, key)</c>);
    /// a file that names another certificate is refused before anything is decrypted. The caller keeps the
    /// certificate alive for the import.
    /// </summary>
    /// <param name="certificate">The certificate; it must have an RSA private key.</param>
    /// <returns>The decryption key.</returns>
    /// <exception cref="ArgumentException">The certificate has no RSA private key.</exception>
    public static PskcDecryptionKey Certificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var rsa = certificate.GetRSAPrivateKey()
            ?? throw new ArgumentException("The certificate has no RSA private key.", nameof(certificate));
        return new(null, null, rsa, certificate);
    }

    /// <summary>The kind of key only.</summary>
    /// <returns><c>None</c>, <c>PreSharedKey</c>, <c>Password</c> or <c>PrivateKey</c>.</returns>
    public override string ToString() =>
        PreSharedKeyBytes is not null ? "PreSharedKey" : PasswordText is not null ? "Password" : PrivateKeyValue is not null ? "PrivateKey" : "None";
}
