using Microsoft.Extensions.Options;

namespace BizWeb.Certificates;

/// <summary>
/// The CA's key, loaded when the host starts: a missing file, a wrong password or a key that does not
/// belong to the CA certificate stops the start with the key provider's message (which never contains
/// the password or the key), instead of answering the first certificate sign-in or issuance with an
/// error. The key stays loaded for the requests (the provider caches it).
/// </summary>
internal sealed class CertificateAuthorityKeyCheck
{
    /// <summary>Validates by loading the signer from the registered <see cref="ICertificateAuthorityKeyProvider"/>.</summary>
    internal sealed class Validator(ICertificateAuthorityKeyProvider keys) : IValidateOptions<CertificateAuthorityKeyCheck>
    {
        public ValidateOptionsResult Validate(string? name, CertificateAuthorityKeyCheck options)
        {
            try
            {
                // Start-up is synchronous here (options validation); the file provider answers synchronously.
                _ = keys.GetSignerAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
                return ValidateOptionsResult.Success;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                return ValidateOptionsResult.Fail($"BizWeb:CertificateAuthority: the CA key could not be loaded: {ex.Message}");
            }
        }
    }
}
