using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.X509;

namespace BizWeb.Certificates;

/// <summary>Builds a signed v2 CRL: issuer = the CA, thisUpdate/nextUpdate, one entry per revoked certificate with its reason, CRL number and authority key identifier.</summary>
internal static class CertificateRevocationListBuilder
{
    public static byte[] Build(IssuingAuthority.Loaded authority, long number, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, IEnumerable<IssuedCertificate> revoked)
    {
        var generator = new X509V2CrlGenerator();
        generator.SetIssuerDN(authority.Name);
        generator.SetThisUpdate(thisUpdate.UtcDateTime);
        generator.SetNextUpdate(nextUpdate.UtcDateTime);
        foreach (var certificate in revoked.OrderBy(c => c.SerialNumber, StringComparer.Ordinal))
        {
            generator.AddCrlEntry(
                new BigInteger(certificate.SerialNumber, 16),
                certificate.RevokedAt!.Value.UtcDateTime,
                (int)certificate.RevocationReason!.Value);
        }

        generator.AddExtension(X509Extensions.AuthorityKeyIdentifier, false, authority.AuthorityKeyIdentifier);
        generator.AddExtension(X509Extensions.CrlNumber, false, new CrlNumber(BigInteger.ValueOf(number)));
        return generator.Generate(authority.SignatureFactory).GetEncoded();
    }
}
