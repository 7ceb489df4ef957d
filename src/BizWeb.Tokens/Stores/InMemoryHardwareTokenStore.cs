using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// The thread-safe in-memory <see cref="IHardwareTokenStore"/> registered by default. Every method
/// holds one lock, so each conditional update is atomic; reads of a token are lock-free snapshots of
/// an immutable record.
/// </summary>
internal sealed class InMemoryHardwareTokenStore : IHardwareTokenStore
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, HardwareToken> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<PrincipalId, string> _owners = [];

    public ValueTask<IReadOnlyList<string>> AddAllAsync(IReadOnlyList<HardwareToken> tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        lock (_lock)
        {
            var existing = tokens.Where(t => _tokens.ContainsKey(t.SerialNumber)).Select(t => t.SerialNumber).ToList();
            if (existing.Count == 0)
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

            return ValueTask.FromResult<IReadOnlyList<string>>(existing);
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

    public ValueTask<HardwareTokenAssignment> TryAssignAsync(string serialNumber, PrincipalId owner, long usedStep, int drift, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_tokens.TryGetValue(serialNumber, out var token) || token.Status != HardwareTokenStatus.InStock)
            {
                return ValueTask.FromResult(new HardwareTokenAssignment(false, null));
            }

            string? replaced = null;
            if (_owners.TryGetValue(owner, out var previous))
            {
                _tokens[previous] = _tokens[previous] with { Status = HardwareTokenStatus.Retired, Owner = null, ChangedAt = now };
                replaced = previous;
            }

            _tokens[serialNumber] = token with { Status = HardwareTokenStatus.Assigned, Owner = owner, LastUsedStep = usedStep, Drift = drift, ChangedAt = now };
            _owners[owner] = serialNumber;
            return ValueTask.FromResult(new HardwareTokenAssignment(true, replaced));
        }
    }

    public ValueTask<HardwareToken?> TryRetireAsync(string serialNumber, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_tokens.TryGetValue(serialNumber, out var token) || token.Status == HardwareTokenStatus.Retired)
            {
                return ValueTask.FromResult<HardwareToken?>(null);
            }

            if (token.Owner is { } owner)
            {
                _owners.Remove(owner);
            }

            _tokens[serialNumber] = token with { Status = HardwareTokenStatus.Retired, Owner = null, ChangedAt = now };
            return ValueTask.FromResult<HardwareToken?>(token);
        }
    }

    public ValueTask<bool> TryRecordUseAsync(string serialNumber, PrincipalId owner, long timeStep, int drift, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_tokens.TryGetValue(serialNumber, out var token)
                || token.Status != HardwareTokenStatus.Assigned
                || token.Owner != owner
                || token.LastUsedStep >= timeStep)
            {
                return ValueTask.FromResult(false);
            }

            _tokens[serialNumber] = token with { LastUsedStep = timeStep, Drift = drift };
            return ValueTask.FromResult(true);
        }
    }
}
