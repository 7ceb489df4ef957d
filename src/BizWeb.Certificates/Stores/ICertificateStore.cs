using BizWeb.Auth;

namespace BizWeb.Certificates;

/// <summary>
/// The certificates the CA issued. Every method is atomic on its own; an implementation over a
/// database runs each in one transaction. A method that takes <see cref="AuthChanges"/> commits them
/// (the operation's audit records) in that same step, and only when it changed something: state and
/// audit record both, or neither. A conflict in the changes (see <see cref="IAuthUnitOfWork"/>) throws
/// and stores nothing.
/// </summary>
public interface ICertificateStore
{
    /// <summary>The certificate with <paramref name="serialNumber"/>, or <see langword="null"/>.</summary>
    /// <param name="serialNumber">Upper-case hex.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The certificate.</returns>
    ValueTask<IssuedCertificate?> FindBySerialAsync(string serialNumber, CancellationToken cancellationToken);

    /// <summary>The principal's current certificate (the last one issued, unless revoked since), or <see langword="null"/>.</summary>
    /// <param name="principal">The administrator or user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The certificate.</returns>
    ValueTask<IssuedCertificate?> FindCurrentAsync(PrincipalId principal, CancellationToken cancellationToken);

    /// <summary>
    /// In one atomic step: refuses when the serial number exists; otherwise stores
    /// <paramref name="certificate"/> as its principal's current certificate and revokes the
    /// previous current one with <see cref="CertificateRevocationReason.Superseded"/> at
    /// <see cref="IssuedCertificate.IssuedAt"/>.
    /// </summary>
    /// <param name="certificate">The new certificate (not revoked).</param>
    /// <param name="changes">Called with the addition when the certificate was added; what it returns commits with it. Or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether it was added, and the certificate it superseded.</returns>
    ValueTask<CertificateAddition> AddCurrentAsync(IssuedCertificate certificate, Func<CertificateAddition, AuthChanges>? changes, CancellationToken cancellationToken);

    /// <summary>Revokes a certificate (and clears it as its principal's current one), atomically.</summary>
    /// <param name="serialNumber">Upper-case hex.</param>
    /// <param name="reason">Why.</param>
    /// <param name="revokedAt">When.</param>
    /// <param name="changes">Committed with the revocation when this call revoked it; or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What happened.</returns>
    ValueTask<CertificateRevocationOutcome> RevokeAsync(string serialNumber, CertificateRevocationReason reason, DateTimeOffset revokedAt, AuthChanges? changes, CancellationToken cancellationToken);

    /// <summary>Every revoked certificate whose validity has not ended at <paramref name="notExpiredAt"/> (the CRL's entries).</summary>
    /// <param name="notExpiredAt">Usually the CRL's thisUpdate.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The certificates.</returns>
    ValueTask<IReadOnlyList<IssuedCertificate>> ListRevokedAsync(DateTimeOffset notExpiredAt, CancellationToken cancellationToken);

    /// <summary>Every current (not revoked) certificate with notAfter before <paramref name="notAfterBefore"/> (for expiry reminders).</summary>
    /// <param name="notAfterBefore">The horizon.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The certificates.</returns>
    ValueTask<IReadOnlyList<IssuedCertificate>> ListCurrentExpiringAsync(DateTimeOffset notAfterBefore, CancellationToken cancellationToken);

    /// <summary>Records that the reminder with lead time <paramref name="daysBefore"/> went out, unless one with the same or a shorter lead time was recorded.</summary>
    /// <param name="serialNumber">Upper-case hex.</param>
    /// <param name="daysBefore">The reminder's lead time in days.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when recorded now; false when recorded before (or the certificate is unknown).</returns>
    ValueTask<bool> TryMarkReminderSentAsync(string serialNumber, int daysBefore, CancellationToken cancellationToken);
}
