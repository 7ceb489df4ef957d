using BizWeb.Auth;

namespace BizWeb.Certificates;

/// <summary>
/// The thread-safe in-memory certificate and CRL store, registered by default. One lock makes each
/// call atomic. Data is lost when the process ends; use the EF Core stores for anything but tests and demos.
/// </summary>
public sealed class InMemoryCertificateStore : ICertificateStore, ICertificateRevocationListStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IssuedCertificate> _bySerial = new(StringComparer.Ordinal);
    private readonly Dictionary<PrincipalId, string> _current = [];
    private long _crlNumber;
    private CertificateRevocationList? _latestCrl;

    /// <inheritdoc />
    public ValueTask<IssuedCertificate?> FindBySerialAsync(string serialNumber, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_bySerial.GetValueOrDefault(serialNumber));
        }
    }

    /// <inheritdoc />
    public ValueTask<IssuedCertificate?> FindCurrentAsync(PrincipalId principal, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_current.TryGetValue(principal, out var serial) ? _bySerial[serial] : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<CertificateAddition> AddCurrentAsync(IssuedCertificate certificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        lock (_gate)
        {
            if (_bySerial.ContainsKey(certificate.SerialNumber))
            {
                return ValueTask.FromResult(new CertificateAddition(false, null));
            }

            IssuedCertificate? superseded = null;
            if (_current.TryGetValue(certificate.Principal, out var previousSerial))
            {
                superseded = _bySerial[previousSerial] with { RevokedAt = certificate.IssuedAt, RevocationReason = CertificateRevocationReason.Superseded };
                _bySerial[previousSerial] = superseded;
            }

            _bySerial[certificate.SerialNumber] = certificate;
            _current[certificate.Principal] = certificate.SerialNumber;
            return ValueTask.FromResult(new CertificateAddition(true, superseded));
        }
    }

    /// <inheritdoc />
    public ValueTask<CertificateRevocationOutcome> RevokeAsync(string serialNumber, CertificateRevocationReason reason, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_bySerial.TryGetValue(serialNumber, out var certificate))
            {
                return ValueTask.FromResult(CertificateRevocationOutcome.NotFound);
            }

            if (certificate.IsRevoked)
            {
                return ValueTask.FromResult(CertificateRevocationOutcome.AlreadyRevoked);
            }

            _bySerial[serialNumber] = certificate with { RevokedAt = revokedAt, RevocationReason = reason };
            if (_current.TryGetValue(certificate.Principal, out var current) && current == serialNumber)
            {
                _current.Remove(certificate.Principal);
            }

            return ValueTask.FromResult(CertificateRevocationOutcome.Revoked);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<IssuedCertificate>> ListRevokedAsync(DateTimeOffset notExpiredAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<IssuedCertificate> list = [.. _bySerial.Values.Where(c => c.IsRevoked && c.NotAfter > notExpiredAt)];
            return ValueTask.FromResult(list);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<IssuedCertificate>> ListCurrentExpiringAsync(DateTimeOffset notAfterBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<IssuedCertificate> list = [.. _current.Values.Select(s => _bySerial[s]).Where(c => c.NotAfter < notAfterBefore).OrderBy(c => c.NotAfter)];
            return ValueTask.FromResult(list);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> TryMarkReminderSentAsync(string serialNumber, int daysBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_bySerial.TryGetValue(serialNumber, out var certificate) || certificate.ReminderSentDaysBefore <= daysBefore)
            {
                return ValueTask.FromResult(false);
            }

            _bySerial[serialNumber] = certificate with { ReminderSentDaysBefore = daysBefore };
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<long> NextNumberAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(++_crlNumber);
        }
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(CertificateRevocationList crl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crl);
        lock (_gate)
        {
            if (_latestCrl is null || _latestCrl.Number < crl.Number)
            {
                _latestCrl = crl;
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <inheritdoc />
    public ValueTask<CertificateRevocationList?> FindLatestAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_latestCrl);
        }
    }
}
