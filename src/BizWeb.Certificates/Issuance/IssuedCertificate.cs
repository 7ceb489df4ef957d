using BizWeb.Auth;

namespace BizWeb.Certificates;

/// <summary>
/// A client certificate the bank's CA issued, as the certificate store keeps it. Its lifecycle is
/// one-way (<see cref="CertificateLifecycle"/>): issued (current), then superseded or revoked with a
/// reason; a principal has at most one current certificate. Holds no private key.
/// </summary>
public sealed record IssuedCertificate
{
    /// <summary>The serial number: 32 upper-case hex digits (16 bytes, positive). Unique in the store.</summary>
    public required string SerialNumber { get; init; }

    /// <summary>Whose certificate it is.</summary>
    public required PrincipalId Principal { get; init; }

    /// <summary>Start of validity (a few minutes before issuance, for clock skew).</summary>
    public required DateTimeOffset NotBefore { get; init; }

    /// <summary>End of validity.</summary>
    public required DateTimeOffset NotAfter { get; init; }

    /// <summary>When the CA issued it.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>The certificate, DER-encoded.</summary>
#pragma warning disable CA1819 // a stored blob; stores map it as bytes.
    public required byte[] RawData { get; init; }
#pragma warning restore CA1819

    /// <summary>When it was revoked, or <see langword="null"/>.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Why it was revoked, or <see langword="null"/>.</summary>
    public CertificateRevocationReason? RevocationReason { get; init; }

    /// <summary>The lead time (in days before expiry) of the last expiry reminder recorded, or <see langword="null"/>.</summary>
    public int? ReminderSentDaysBefore { get; init; }

    /// <summary>Whether it is revoked.</summary>
    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Where it is in its lifecycle: current until revoked, then superseded or revoked by its <see cref="RevocationReason"/>.</summary>
    public CertificateState State => RevokedAt is null ? CertificateState.Current
        : RevocationReason == CertificateRevocationReason.Superseded ? CertificateState.Superseded
        : CertificateState.Revoked;

    /// <summary>Revokes it through <see cref="CertificateLifecycle"/> (the trigger is <see cref="CertificateLifecycle.TriggerOf"/> the reason).</summary>
    /// <param name="reason">Why.</param>
    /// <param name="revokedAt">When.</param>
    /// <param name="next">The revoked certificate.</param>
    /// <returns>Whether the transition is allowed (false once revoked or superseded); when not, <paramref name="next"/> is this certificate.</returns>
    public bool TryRevoke(CertificateRevocationReason reason, DateTimeOffset revokedAt, out IssuedCertificate next)
    {
        if (!CertificateLifecycle.TryNext(State, CertificateLifecycle.TriggerOf(reason), out _))
        {
            next = this;
            return false;
        }

        next = this with { RevokedAt = revokedAt, RevocationReason = reason };
        return true;
    }

    /// <summary>The certificate as PEM (<c>-----BEGIN CERTIFICATE-----</c>).</summary>
    /// <returns>The PEM text.</returns>
    public string ToPem() => new string(System.Security.Cryptography.PemEncoding.Write("CERTIFICATE", RawData)) + "\n";

    /// <summary>Serial, principal and validity; never the certificate bytes.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() =>
        $"IssuedCertificate({SerialNumber}, {Principal}, {NotBefore:O}..{NotAfter:O}{(IsRevoked ? $", revoked {RevocationReason}" : string.Empty)})";
}
