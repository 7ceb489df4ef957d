namespace BizWeb.Auth;

/// <summary>
/// Encrypts secrets that must be read back (customer card values, token seeds, file-transfer keys)
/// for storage at rest. The default is <see cref="AesGcmSecretProtector"/>; a host may plug in
/// ASP.NET Core Data Protection or an HSM. <c>purpose</c> separates uses: a ciphertext made for one
/// purpose never decrypts under another.
/// </summary>
public interface ISecretProtector
{
    /// <summary>Encrypts and authenticates <paramref name="plaintext"/>.</summary>
    /// <param name="plaintext">The secret.</param>
    /// <param name="purpose">What it is, e.g. <c>BizWeb.Tokens.CustomerCard</c>.</param>
    /// <returns>The ciphertext to store.</returns>
    byte[] Protect(ReadOnlySpan<byte> plaintext, string purpose);

    /// <summary>Decrypts what <see cref="Protect"/> made for the same <paramref name="purpose"/>.</summary>
    /// <param name="protectedData">The stored ciphertext.</param>
    /// <param name="purpose">The purpose it was made for.</param>
    /// <returns>The secret; callers zero it after use.</returns>
    /// <exception cref="System.Security.Cryptography.CryptographicException">Tampered, wrong purpose or unknown key.</exception>
    byte[] Unprotect(ReadOnlySpan<byte> protectedData, string purpose);
}
