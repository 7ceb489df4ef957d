using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BizWeb.Certificates;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>A throw-away P-256 root CA for tests that issue certificates through <see cref="CertificateAuthority"/>, made once per process.</summary>
public sealed class TestCertificateAuthorityKeys : ICertificateAuthorityKeyProvider, ICertificateAuthoritySigner
{
    private static readonly Lazy<TestCertificateAuthorityKeys> Shared = new(() => new TestCertificateAuthorityKeys());
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private TestCertificateAuthorityKeys()
    {
        var request = new CertificateRequest("CN=Test CA, O=Shinkin Test Bank, C=JP", _key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = TimeProvider.System.GetUtcNow();
        using var withKey = request.CreateSelfSigned(now.AddYears(-1), now.AddYears(20));
        Certificate = X509CertificateLoader.LoadCertificate(withKey.RawData);
    }

    /// <summary>The process's CA.</summary>
    public static TestCertificateAuthorityKeys Instance => Shared.Value;

    /// <inheritdoc />
    public X509Certificate2 Certificate { get; }

    /// <summary>A PKCS#10 request for a fresh P-256 key, as a browser or client tool sends it.</summary>
    /// <returns>The DER request.</returns>
    public static byte[] NewRequest()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new CertificateRequest("CN=request", key, HashAlgorithmName.SHA256).CreateSigningRequest();
    }

    /// <inheritdoc />
    public ValueTask<ICertificateAuthoritySigner> GetSignerAsync(CancellationToken cancellationToken) => ValueTask.FromResult<ICertificateAuthoritySigner>(this);

    /// <inheritdoc />
    public byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) => _key.SignData(data, hashAlgorithm, DSASignatureFormat.Rfc3279DerSequence);
}
