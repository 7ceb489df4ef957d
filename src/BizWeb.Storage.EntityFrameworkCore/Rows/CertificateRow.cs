using BizWeb.Certificates;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// An issued certificate. <see cref="CurrentOf"/> is the principal's key while it is the principal's
/// current certificate and <see langword="null"/> otherwise: a unique index on it makes "one current
/// certificate per principal" a database constraint.
/// </summary>
internal sealed class CertificateRow
{
    public required string SerialNumber { get; set; }

    public required string Principal { get; set; }

    public string? CurrentOf { get; set; }

    public long NotBefore { get; set; }

    public long NotAfter { get; set; }

    public long IssuedAt { get; set; }

    public required byte[] RawData { get; set; }

    public long? RevokedAt { get; set; }

    public int? RevocationReason { get; set; }

    public int? ReminderSentDaysBefore { get; set; }

    public static CertificateRow From(IssuedCertificate certificate, bool current) => new()
    {
        SerialNumber = certificate.SerialNumber,
        Principal = StoredIds.Key(certificate.Principal),
        CurrentOf = current ? StoredIds.Key(certificate.Principal) : null,
        NotBefore = Ticks.From(certificate.NotBefore),
        NotAfter = Ticks.From(certificate.NotAfter),
        IssuedAt = Ticks.From(certificate.IssuedAt),
        RawData = certificate.RawData,
        RevokedAt = Ticks.From(certificate.RevokedAt),
        RevocationReason = (int?)certificate.RevocationReason,
        ReminderSentDaysBefore = certificate.ReminderSentDaysBefore,
    };

    public IssuedCertificate ToCertificate() => new()
    {
        SerialNumber = SerialNumber,
        Principal = StoredIds.Principal(Principal),
        NotBefore = Ticks.ToInstant(NotBefore),
        NotAfter = Ticks.ToInstant(NotAfter),
        IssuedAt = Ticks.ToInstant(IssuedAt),
        RawData = RawData,
        RevokedAt = Ticks.ToInstant(RevokedAt),
        RevocationReason = (CertificateRevocationReason?)RevocationReason,
        ReminderSentDaysBefore = ReminderSentDaysBefore,
    };
}
