using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BizWeb.Certificates;

namespace BizWeb.Benchmarks;

/// <summary>
/// A bank CA made once per benchmark process, the way tests/BizWeb.Certificates.Tests builds its
/// TestKeyProvider: the default algorithm (ECDSA P-256), a self-signed CA certificate, and a key
/// provider over it for the SDK's <see cref="IssuingAuthority"/>.
/// </summary>
internal sealed class CertificateAuthorityFixture(X509Certificate2 certificate, AsymmetricAlgorithm key) : ICertificateAuthorityKeyProvider, IDisposable
{
    public const string Organization = "Shinkin Test Bank";
    public const string OrganizationalUnit = "BizWeb";
    public static readonly Uri CrlDistributionPoint = new("http://crl.shinkin.example/bizweb.crl");

    public X509Certificate2 Certificate { get; } = certificate;

    public AsymmetricAlgorithm Key { get; } = key;

    public static CertificateAuthorityFixture Create(CertificateKeyAlgorithm algorithm = CertificateKeyAlgorithm.EcdsaP256)
    {
        var key = AuthorityCertificates.CreateKey(algorithm);
        var certificate = AuthorityCertificates.Create(key, AuthorityCertificates.Name("しんきん電子証明書認証局", Organization, null, "JP"), TimeProvider.System.GetUtcNow().AddDays(-30), TimeSpan.FromDays(3650), null);
        return new CertificateAuthorityFixture(certificate, key);
    }

    public ValueTask<ICertificateAuthoritySigner> GetSignerAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<ICertificateAuthoritySigner>(new KeyPairSigner(Certificate, Key));

    public void Dispose()
    {
        Certificate.Dispose();
        Key.Dispose();
    }

    /// <summary>A PKCS#10 request for <paramref name="key"/>, signed with SHA-256, as a client (the cert tool) sends it.</summary>
    public static byte[] Request(AsymmetricAlgorithm key)
    {
        var request = key switch
        {
            ECDsa ec => new CertificateRequest("CN=12345678901taro011286", ec, HashAlgorithmName.SHA256),
            RSA rsa => new CertificateRequest("CN=12345678901taro011286", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            _ => throw new ArgumentException("unsupported", nameof(key)),
        };
        return request.CreateSigningRequest();
    }
}
