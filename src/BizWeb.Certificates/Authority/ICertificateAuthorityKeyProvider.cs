namespace BizWeb.Certificates;

/// <summary>
/// Where the bank CA's key comes from. The default reads an encrypted PKCS#8 file with the password
/// from <see cref="CertificateAuthorityOptions"/> (and creates a root CA on first start when asked);
/// register your own implementation before <c>AddCertificateAuthority</c> to use an HSM.
/// </summary>
public interface ICertificateAuthorityKeyProvider
{
    /// <summary>The CA's signer. Called once per process; the answer is kept.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The signer.</returns>
    ValueTask<ICertificateAuthoritySigner> GetSignerAsync(CancellationToken cancellationToken);
}
