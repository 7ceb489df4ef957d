using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.X509.Extension;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace BizWeb.Certificates;

/// <summary>
/// The loaded CA, once per process: its signer, its certificate as BouncyCastle reads it, its public
/// key (the only trust anchor of sign-in), the issuer name, the authority key identifier and the
/// signature algorithm (SHA-384 for a P-384 key, SHA-256 otherwise).
/// </summary>
internal sealed class IssuingAuthority : IDisposable
{
    private readonly ICertificateAuthorityKeyProvider _provider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Loaded? _loaded;

    public IssuingAuthority(ICertificateAuthorityKeyProvider provider) => _provider = provider;

    public async ValueTask<Loaded> GetAsync(CancellationToken cancellationToken)
    {
        if (_loaded is { } loaded)
        {
            return loaded;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _loaded ??= Load(await _provider.GetSignerAsync(cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static Loaded Load(ICertificateAuthoritySigner signer)
    {
        var certificate = new BcCertificate(X509CertificateStructure.GetInstance(signer.Certificate.RawData));
        if (certificate.GetBasicConstraints() < 0)
        {
            throw new InvalidOperationException("The CA certificate is not a CA (basicConstraints CA:true is missing).");
        }

        var publicKey = certificate.GetPublicKey();
        var spki = certificate.SubjectPublicKeyInfo;
        var ski = certificate.GetExtensionValue(X509Extensions.SubjectKeyIdentifier) is { } skiValue
            ? SubjectKeyIdentifier.GetInstance(Asn1Object.FromByteArray(skiValue.GetOctets())).GetKeyIdentifier()
            : X509ExtensionUtilities.CreateSubjectKeyIdentifier(publicKey).GetKeyIdentifier();
        var (algorithm, hash) = spki.Algorithm.Algorithm.Id switch
        {
            "1.2.840.10045.2.1" when Equals(spki.Algorithm.Parameters, SecObjectIdentifiers.SecP384r1) =>
                (new AlgorithmIdentifier(X9ObjectIdentifiers.ECDsaWithSha384), HashAlgorithmName.SHA384),
            "1.2.840.10045.2.1" => (new AlgorithmIdentifier(X9ObjectIdentifiers.ECDsaWithSha256), HashAlgorithmName.SHA256),
            "1.2.840.113549.1.1.1" => (new AlgorithmIdentifier(PkcsObjectIdentifiers.Sha256WithRsaEncryption, DerNull.Instance), HashAlgorithmName.SHA256),
            _ => throw new InvalidOperationException("The CA key must be ECDSA or RSA."),
        };
        return new Loaded(signer.Certificate, certificate, publicKey, new AuthorityKeyIdentifier(ski), new SignerSignatureFactory(signer, algorithm, hash));
    }

    /// <summary>The loaded state.</summary>
    internal sealed record Loaded(
        X509Certificate2 Certificate,
        BcCertificate BcCertificate,
        AsymmetricKeyParameter PublicKey,
        AuthorityKeyIdentifier AuthorityKeyIdentifier,
        ISignatureFactory SignatureFactory)
    {
        public X509Name Name => BcCertificate.SubjectDN;
    }
}
