using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BizWeb.Certificates;

/// <summary>Creates CA keys and CA certificates (a root, or an intermediate under the bank's root) with .NET's <see cref="CertificateRequest"/>.</summary>
internal static class AuthorityCertificates
{
    public static AsymmetricAlgorithm CreateKey(CertificateKeyAlgorithm algorithm) => algorithm switch
    {
        CertificateKeyAlgorithm.EcdsaP256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
        CertificateKeyAlgorithm.EcdsaP384 => ECDsa.Create(ECCurve.NamedCurves.nistP384),
        CertificateKeyAlgorithm.Rsa3072 => RSA.Create(3072),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown key algorithm."),
    };

    public static HashAlgorithmName HashFor(AsymmetricAlgorithm key) =>
        key is ECDsa { KeySize: > 256 } ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;

    public static X500DistinguishedName Name(string commonName, string? organization, string? organizationalUnit, string? country)
    {
        // X500DistinguishedNameBuilder encodes the last addition first: add CN … C to get the conventional DER order C, O, OU, CN.
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(commonName);
        if (!string.IsNullOrEmpty(organizationalUnit))
        {
            builder.AddOrganizationalUnitName(organizationalUnit);
        }

        if (!string.IsNullOrEmpty(organization))
        {
            builder.AddOrganizationName(organization);
        }

        if (!string.IsNullOrEmpty(country))
        {
            builder.AddCountryOrRegion(country);
        }

        return builder.Build();
    }

    /// <summary>
    /// A CA certificate for <paramref name="key"/>: self-signed when <paramref name="issuer"/> is
    /// null (a root), else signed by <paramref name="issuer"/> (which must hold its private key).
    /// basicConstraints CA:true pathLen 0 (it issues end-entity certificates only), keyUsage keyCertSign + cRLSign.
    /// </summary>
    public static X509Certificate2 Create(AsymmetricAlgorithm key, X500DistinguishedName subject, DateTimeOffset now, TimeSpan validity, X509Certificate2? issuer)
    {
        var hash = HashFor(key);
        var request = key switch
        {
            ECDsa ec => new CertificateRequest(subject, ec, hash),
            RSA rsa => new CertificateRequest(subject, rsa, hash, RSASignaturePadding.Pkcs1),
            _ => throw new ArgumentException("The CA key must be ECDSA or RSA.", nameof(key)),
        };
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var ski = new X509SubjectKeyIdentifierExtension(request.PublicKey, false);
        request.CertificateExtensions.Add(ski);
        var notBefore = now.AddMinutes(-5);
        if (issuer is null)
        {
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(ski));
            return PublicOnly(request.CreateSelfSigned(notBefore, now + validity));
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        var notAfter = now + validity < issuer.NotAfter ? now + validity : new DateTimeOffset(issuer.NotAfter.ToUniversalTime());
        return PublicOnly(request.Create(issuer, notBefore, notAfter, SerialNumbers.New()));
    }

    private static X509Certificate2 PublicOnly(X509Certificate2 certificate)
    {
        using (certificate)
        {
            return X509CertificateLoader.LoadCertificate(certificate.RawData);
        }
    }
}
