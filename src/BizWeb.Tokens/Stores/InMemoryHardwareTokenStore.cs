using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// The thread-safe in-memory <see cref="IHardwareTokenStore"/> registered by default. Every change
/// runs under one write gate: decide, commit the audit records through the auth unit of work, then
/// apply (a dictionary update that cannot fail), so each conditional update is atomic and never
/// stands without its audit record. Reads take only a short lock and see immutable records.
/// </summary>
internal sealed class InMemoryHardwareTokenStore : IHardwareTokenStore, IDisposable
{
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _writes = new(1, 1);
    private readonly SortedDictionary<string, HardwareToken> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<PrincipalId, string> _owners = [];
    private readonly IAuthUnitOfWork _unitOfWork;

    public InMemoryHardwareTokenStore(IAuthUnitOfWork unitOfWork) => _unitOfWork = unitOfWork ?? throw new ArgumentNullException(nameof(unitOfWork));

    public async ValueTask<IReadOnlyList<string>> AddAllAsync(IReadOnlyList<HardwareToken> tokens, AuthChanges? changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<string> existing;
            lock (_lock)
            {
                existing = [.. tokens.Where(t => _tokens.ContainsKey(t.SerialNumber)).Select(t => t.SerialNumber)];
            }

            if (existing.Count > 0)
            {
                return existing;
            }

            await InMemoryChanges.CommitAsync(_unitOfWork, changes).ConfigureAwait(false);
            lock (_lock)
            {
                foreach (var token in tokens)
                {
                    _tokens.Add(token.SerialNumber, token);
                    if (token is { Status: HardwareTokenStatus.Assigned, Owner: { } owner })
                    {
                        _owners[owner] = token.SerialNumber;
                    }
                }
            }

            return [];
        }
        finally
        {
            _writes.Release();
        }
    }

    public ValueTask<HardwareToken?> FindAsync(string serialNumber, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_tokens.TryGetValue(serialNumber, out var token) ? token : null);
        }
    }

    public ValueTask<HardwareToken?> FindByOwnerAsync(PrincipalId owner, CancellationToken cancellationToken)
    {
        IdGuard.Require(owner);
        lock (_lock)
        {
            return ValueTask.FromResult(_owners.TryGetValue(owner, out var serial) ? _tokens[serial] : null);
        }
    }

    public ValueTask<IReadOnlyList<HardwareToken>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult<IReadOnlyList<HardwareToken>>([.. _tokens.Values.Skip(skip).Take(take)]);
        }
    }

    public async ValueTask<HardwareTokenAssignment> TryAssignAsync(string serialNumber, PrincipalId owner, long usedStep, int drift, DateTimeOffset now, Func<HardwareTokenAssignment, AuthChanges>? changes, CancellationToken cancellationToken)
    {
        IdGuard.Require(owner);
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            HardwareToken? token;
            string? previous;
            lock (_lock)
            {
                token = _tokens.GetValueOrDefault(serialNumber);
                previous = _owners.GetValueOrDefault(owner);
            }

            if (token is not { Status: HardwareTokenStatus.InStock })
            {
                return new HardwareTokenAssignment(false, null);
            }

            var assignment = new HardwareTokenAssignment(true, previous);
            await InMemoryChanges.CommitAsync(_unitOfWork, changes?.Invoke(assignment)).ConfigureAwait(false);
            lock (_lock)
            {
                if (previous is not null)
                {
                    _tokens[previous] = _tokens[previous] with { Status = HardwareTokenStatus.Retired, Owner = null, ChangedAt = now };
                }

                _tokens[serialNumber] = token with { Status = HardwareTokenStatus.Assigned, Owner = owner, LastUsedStep = usedStep, Drift = drift, ChangedAt = now };
                _owners[owner] = serialNumber;
            }

            return assignment;
        }
        finally
        {
            _writes.Release();
        }
    }

    public async ValueTask<HardwareToken?> TryBindAsync(string serialNumber, ContractId? contractId, Func<HardwareToken, AuthChanges>? changes, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            HardwareToken? token;
            lock (_lock)
            {
                token = _tokens.GetValueOrDefault(serialNumber);
            }

            if (token is not { Status: HardwareTokenStatus.InStock })
            {
                return null;
            }

            await InMemoryChanges.CommitAsync(_unitOfWork, changes?.Invoke(token)).ConfigureAwait(false);
            lock (_lock)
            {
                _tokens[serialNumber] = token with { BoundContractId = contractId };
            }

            return token;
        }
        finally
        {
            _writes.Release();
        }
    }

    public async ValueTask<HardwareToken?> TryRetireAsync(string serialNumber, DateTimeOffset now, Func<HardwareToken, AuthChanges>? changes, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            HardwareToken? token;
            lock (_lock)
            {
                token = _tokens.GetValueOrDefault(serialNumber);
            }

            if (token is null || token.Status == HardwareTokenStatus.Retired)
            {
                return null;
            }

            await InMemoryChanges.CommitAsync(_unitOfWork, changes?.Invoke(token)).ConfigureAwait(false);
            lock (_lock)
            {
                if (token.Owner is { } owner)
                {
                    _owners.Remove(owner);
                }

                _tokens[serialNumber] = token with { Status = HardwareTokenStatus.Retired, Owner = null, ChangedAt = now };
            }

            return token;
        }
        finally
        {
            _writes.Release();
        }
    }

    public async ValueTask<bool> TryRecordUseAsync(string serialNumber, PrincipalId owner, long timeStep, int drift, AuthChanges? changes, CancellationToken cancellationToken)
    {
        IdGuard.Require(owner);
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            HardwareToken? token;
            lock (_lock)
            {
                token = _tokens.GetValueOrDefault(serialNumber);
            }

            if (token is null
                || token.Status != HardwareTokenStatus.Assigned
                || token.Owner != owner
                || token.LastUsedStep >= timeStep)
            {
                return false;
            }

            await InMemoryChanges.CommitAsync(_unitOfWork, changes).ConfigureAwait(false);
            lock (_lock)
            {
                _tokens[serialNumber] = token with { LastUsedStep = timeStep, Drift = drift };
            }

            return true;
        }
        finally
        {
            _writes.Release();
        }
    }

    public void Dispose() => _writes.Dispose();
}
