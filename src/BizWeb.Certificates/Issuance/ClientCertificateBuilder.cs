using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace BizWeb.Certificates;

/// <summary>
/// Builds a client certificate: v3, the given serial, subject C/O/OU/CN decided by the CA,
/// basicConstraints CA:false (critical), keyUsage digitalSignature (+ keyEncipherment for RSA,
/// critical), extended key usage clientAuth only, subject and authority key identifiers, the CRL
/// distribution point, signed by the CA. The subject key is the request's SubjectPublicKeyInfo as is.
/// </summary>
internal static class ClientCertificateBuilder
{
    public static byte[] Build(
        IssuingAuthority.Loaded authority,
        SubjectPublicKeyInfo publicKey,
        bool isRsa,
        X509Name subject,
        byte[] serial,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter,
        Uri crlDistributionPoint)
    {
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(1, serial));
        generator.SetIssuerDN(authority.Name);
        generator.SetSubjectDN(subject);
        generator.SetNotBefore(notBefore.UtcDateTime);
        generator.SetNotAfter(notAfter.UtcDateTime);
        generator.SetSubjectPublicKeyInfo(publicKey); // as the request sent it: no key object (for RSA, no primality test)
        generator.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(false));
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(isRsa ? KeyUsage.DigitalSignature | KeyUsage.KeyEncipherment : KeyUsage.DigitalSignature));
        generator.AddExtension(X509Extensions.ExtendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeID.id_kp_clientAuth));
        generator.AddExtension(X509Extensions.SubjectKeyIdentifier, false, X509ExtensionUtilities.CreateSubjectKeyIdentifier(publicKey));
        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, authority.AuthorityKeyIdentifier);
        generator.AddExtension(X509Extensions.CrlDistributionPoints, false, DistributionPoint(crlDistributionPoint));
        return generator.Generate(authority.SignatureFactory).GetEncoded();
    }

    /// <summary>C, O, OU, CN in that order; the CN is <see cref="CertificateCommonName"/>'s text.</summary>
    public static X509Name Subject(CertificateCommonName commonName, CertificateAuthorityOptions options)
    {
        var oids = new List<DerObjectIdentifier>();
        var values = new List<string>();
        void Add(DerObjectIdentifier oid, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                oids.Add(oid);
                values.Add(value);
            }
        }

        Add(X509Name.C, options.Country);
        Add(X509Name.O, options.Organization);
        Add(X509Name.OU, options.OrganizationalUnit);
        Add(X509Name.CN, commonName.ToString());
        return new X509Name(oids, values);
    }

    private static CrlDistPoint DistributionPoint(Uri url) =>
        new([new DistributionPoint(new DistributionPointName(new GeneralNames(new GeneralName(GeneralName.UniformResourceIdentifier, url.AbsoluteUri))), null, null)]);
}
