using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;
using Org.BouncyCastle.Asn1.X509;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace BizWeb.Certificates;

/// <summary>
/// 証明書選択: maps a presented client certificate to its principal. Accepts it only when it is
/// signed by the bank's CA key (the only trust anchor: no system store, no chain building), within
/// validity, an end-entity certificate with the clientAuth EKU, its CN names a principal of this
/// bank that exists, it is the very certificate the store holds under its serial, not revoked, and
/// the principal's current one. Refusals are audited with their reason.
/// </summary>
internal sealed class ClientCertificateAuthenticator(
    IssuingAuthority authority,
    ICertificateStore store,
    IPrincipalReader principals,
    IAuthUnitOfWork unitOfWork,
    BankCode bankCode) : IClientCertificateAuthenticator
{
    public async ValueTask<PrincipalId?> AuthenticateAsync(X509Certificate2 certificate, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await AuthenticatePrincipalAsync(certificate, principals, now, cancellationToken).ConfigureAwait(false))?.Principal;

    public async ValueTask<PrincipalRecord?> AuthenticatePrincipalAsync(X509Certificate2 certificate, IPrincipalReader principals, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(principals);
        var mapping = await MapAsync(certificate.RawData, principals, now, cancellationToken).ConfigureAwait(false);
        if (mapping.Refusal == CertificateRefusal.None)
        {
            return mapping.Holder;
        }

        var entry = new AuditEntry
        {
            At = now,
            Actor = AuditActor.Anonymous(),
            Action = "ClientCertificateRefused",
            Subject = mapping.Principal,
            Outcome = AuditOutcome.Refused,
            Detail = mapping.Refusal.ToString(),
        };
        await unitOfWork.CommitAsync(new AuthChanges().Append(entry), cancellationToken).ConfigureAwait(false);
        return null;
    }

    public async ValueTask<bool> IsCurrentAsync(PrincipalId principal, string certificateThumbprint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(certificateThumbprint);
        // The certificate was fully judged at sign-in and the session is bound to its thumbprint, so
        // the store's current record decides: the same DER (by its SHA-256), not revoked, within validity.
        var current = await store.FindCurrentAsync(principal, cancellationToken).ConfigureAwait(false);
        return current is { IsRevoked: false }
            && now >= current.NotBefore
            && now <= current.NotAfter
            && string.Equals(Convert.ToHexString(SHA256.HashData(current.RawData)), certificateThumbprint, StringComparison.Ordinal);
    }

    /// <summary>The principal, or the refusal (with the claimed principal once the CA's signature is verified).</summary>
    internal ValueTask<Mapping> MapAsync(byte[] der, DateTimeOffset now, CancellationToken cancellationToken) => MapAsync(der, principals, now, cancellationToken);

    private async ValueTask<Mapping> MapAsync(byte[] der, IPrincipalReader reader, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ca = await authority.GetAsync(cancellationToken).ConfigureAwait(false);
        BcCertificate certificate;
        try
        {
            certificate = new BcCertificate(X509CertificateStructure.GetInstance(der));
        }
#pragma warning disable CA1031 // BouncyCastle reports malformed ASN.1 with many exception types.
        catch (Exception)
#pragma warning restore CA1031
        {
            return new(CertificateRefusal.Malformed, null, null);
        }

        if (!certificate.IssuerDN.Equivalent(ca.Name, true) || !SignedBy(certificate, ca))
        {
            return new(CertificateRefusal.ForeignIssuer, null, null);
        }

        var cn = certificate.SubjectDN.GetValueList(X509Name.CN);
        var name = cn.Count == 1 ? CertificateCommonName.Parse(cn[0], bankCode) : default;
        if (cn.Count != 1 || !name.Succeeded)
        {
            return new(CertificateRefusal.CommonNameInvalid, null, null);
        }

        var principal = new PrincipalId(name.Value.ContractId, name.Value.UserId);
        var utcNow = now.UtcDateTime;
        if (utcNow < certificate.NotBefore)
        {
            return new(CertificateRefusal.NotYetValid, principal, null);
        }

        if (utcNow > certificate.NotAfter)
        {
            return new(CertificateRefusal.Expired, principal, null);
        }

        if (certificate.GetBasicConstraints() >= 0 || !HasClientAuth(certificate))
        {
            return new(CertificateRefusal.WrongUsage, principal, null);
        }

        var serial = SerialNumbers.ToText(certificate.SerialNumber.ToByteArrayUnsigned());
        var record = await store.FindBySerialAsync(serial, cancellationToken).ConfigureAwait(false);
        if (record is null || record.Principal != principal || !record.RawData.AsSpan().SequenceEqual(der))
        {
            return new(CertificateRefusal.UnknownCertificate, principal, null);
        }

        // Unrevoked is current: issuing a certificate supersedes (revokes) the principal's previous one
        // in the same transaction (ICertificateStore.AddCurrentAsync), so no second read asks.
        if (record.State != CertificateState.Current)
        {
            return new(record.State == CertificateState.Superseded ? CertificateRefusal.NotCurrent : CertificateRefusal.Revoked, principal, record);
        }

        var holder = await reader.FindAsync(principal, cancellationToken).ConfigureAwait(false);
        if (holder is null || holder.User is { State: UserState.Deleted })
        {
            return new(CertificateRefusal.PrincipalUnknown, principal, record);
        }

        return new(CertificateRefusal.None, principal, record, holder);
    }

    /// <summary>
    /// The CA's signature, verified with .NET's ECDSA/RSA (1.6× cheaper than BouncyCastle's and
    /// allocation-free); only the algorithms the CA signs with (SHA-256/384 with ECDSA, SHA-256 with RSA).
    /// </summary>
    private static bool SignedBy(BcCertificate certificate, IssuingAuthority.Loaded ca)
    {
        try
        {
            var tbs = certificate.GetTbsCertificate();
            var signature = certificate.GetSignature();
            switch (certificate.SigAlgOid)
            {
                case "1.2.840.10045.4.3.2" or "1.2.840.10045.4.3.3":
                {
                    using var ecdsa = ca.Certificate.GetECDsaPublicKey();
                    var hash = certificate.SigAlgOid == "1.2.840.10045.4.3.2" ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA384;
                    return ecdsa is not null && ecdsa.VerifyData(tbs, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
                }

                case "1.2.840.113549.1.1.11":
                {
                    using var rsa = ca.Certificate.GetRSAPublicKey();
                    return rsa is not null && rsa.VerifyData(tbs, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                }

                default:
                    return false;
            }
        }
#pragma warning disable CA1031 // a signature that cannot be evaluated is not the CA's.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private static bool HasClientAuth(BcCertificate certificate)
    {
        try
        {
            var usages = certificate.GetExtendedKeyUsage();
            return usages is not null && usages.Contains(KeyPurposeID.id_kp_clientAuth);
        }
#pragma warning disable CA1031
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>The mapping's answer.</summary>
    internal readonly record struct Mapping(CertificateRefusal Refusal, PrincipalId? Principal, IssuedCertificate? Certificate, PrincipalRecord? Holder = null);
}
