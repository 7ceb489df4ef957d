using BizWeb.Auth;

namespace BizWeb.Certificates;

/// <summary>
/// The thread-safe in-memory certificate and CRL store, registered by default. One lock makes each
/// call atomic; changes to certificates run under one write gate besides: decide, commit the audit
/// records through the auth unit of work, then apply, so a change never stands without its audit
/// record. Data is lost when the process ends; use the EF Core stores for anything but tests and demos.
/// </summary>
public sealed class InMemoryCertificateStore : ICertificateStore, ICertificateRevocationListStore, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writes = new(1, 1);
    private readonly IAuthUnitOfWork _unitOfWork;
    private readonly Dictionary<string, IssuedCertificate> _bySerial = new(StringComparer.Ordinal);
    private readonly Dictionary<PrincipalId, string> _current = [];
    private long _crlNumber;
    private CertificateRevocationList? _latestCrl;

    /// <summary>Creates an empty store.</summary>
    /// <param name="unitOfWork">Commits the audit records of each change (the in-memory auth store by default).</param>
    public InMemoryCertificateStore(IAuthUnitOfWork unitOfWork) => _unitOfWork = unitOfWork ?? throw new ArgumentNullException(nameof(unitOfWork));

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
    public async ValueTask<CertificateAddition> AddCurrentAsync(IssuedCertificate certificate, Func<CertificateAddition, AuthChanges>? changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        IdGuard.Require(certificate.Principal, nameof(certificate));
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            IssuedCertificate? superseded = null;
            lock (_gate)
            {
                if (_bySerial.ContainsKey(certificate.SerialNumber))
                {
                    return new CertificateAddition(false, null);
                }

                if (_current.TryGetValue(certificate.Principal, out var previousSerial)
                    && _bySerial[previousSerial].TryRevoke(CertificateRevocationReason.Superseded, certificate.IssuedAt, out var previous))
                {
                    superseded = previous;
                }
            }

            var addition = new CertificateAddition(true, superseded);
            await InMemoryChanges.CommitAsync(_unitOfWork, changes?.Invoke(addition)).ConfigureAwait(false);
            lock (_gate)
            {
                if (superseded is not null)
                {
                    _bySerial[superseded.SerialNumber] = superseded;
                }

                _bySerial[certificate.SerialNumber] = certificate;
                _current[certificate.Principal] = certificate.SerialNumber;
            }

            return addition;
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<CertificateRevocationOutcome> RevokeAsync(string serialNumber, CertificateRevocationReason reason, DateTimeOffset revokedAt, AuthChanges? changes, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            IssuedCertificate? certificate;
            lock (_gate)
            {
                certificate = _bySerial.GetValueOrDefault(serialNumber);
            }

            if (certificate is null)
            {
                return CertificateRevocationOutcome.NotFound;
            }

            if (!certificate.TryRevoke(reason, revokedAt, out var revoked))
            {
                return CertificateRevocationOutcome.AlreadyRevoked;
            }

            await InMemoryChanges.CommitAsync(_unitOfWork, changes).ConfigureAwait(false);
            lock (_gate)
            {
                _bySerial[serialNumber] = revoked;
                if (_current.TryGetValue(certificate.Principal, out var current) && current == serialNumber)
                {
                    _current.Remove(certificate.Principal);
                }
            }

            return CertificateRevocationOutcome.Revoked;
        }
        finally
        {
            _writes.Release();
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
    public async ValueTask<bool> TryMarkReminderSentAsync(string serialNumber, int daysBefore, CancellationToken cancellationToken)
    {
        // Under the write gate too: a decision of AddCurrentAsync or RevokeAsync waiting for its
        // audit commit must not be overwritten from an older snapshot (nor overwrite this).
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_gate)
            {
                if (!_bySerial.TryGetValue(serialNumber, out var certificate) || certificate.ReminderSentDaysBefore <= daysBefore)
                {
                    return false;
                }

                _bySerial[serialNumber] = certificate with { ReminderSentDaysBefore = daysBefore };
                return true;
            }
        }
        finally
        {
            _writes.Release();
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

    /// <summary>Releases the write gate.</summary>
    public void Dispose() => _writes.Dispose();
}
