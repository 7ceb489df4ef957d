namespace BizWeb.Auth;

/// <summary>The transaction part of the in-memory store: contract settings, transfers and the daily totals, under the same lock.</summary>
public sealed partial class InMemoryAuthStore : IContractSettingsStore, ITransferStore, ITransferTotalStore
{
    private readonly Dictionary<ContractId, ContractSettings> _settings = [];
    private readonly Dictionary<Guid, Transfer> _transfers = [];
    private readonly Dictionary<(string Key, DateOnly Day), long> _totals = [];

    /// <inheritdoc />
    ValueTask<ContractSettings?> IContractSettingsStore.FindAsync(ContractId contractId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_settings.GetValueOrDefault(contractId));
        }
    }

    /// <inheritdoc />
    ValueTask<Transfer?> ITransferStore.FindAsync(Guid id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_transfers.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public ValueTask<Transfer?> FindByIdempotencyKeyAsync(PrincipalId user, string idempotencyKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_transfers.Values.FirstOrDefault(t => t.User == user && string.Equals(t.IdempotencyKey, idempotencyKey, StringComparison.Ordinal)));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Transfer>> ListAsync(PrincipalId user, int maxCount, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<Transfer> list = [.. _transfers.Values.Where(t => t.User == user).OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id).Take(maxCount)];
            return ValueTask.FromResult(list);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> TryReserveAsync(IReadOnlyList<DailyTotalReservation> reservations, DateOnly day, long amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        lock (_gate)
        {
            if (reservations.Any(r => amount > (r.Limit ?? long.MaxValue) - _totals.GetValueOrDefault((r.Key, day))))
            {
                return ValueTask.FromResult(false);
            }

            foreach (var r in reservations)
            {
                _totals[(r.Key, day)] = _totals.GetValueOrDefault((r.Key, day)) + amount;
            }

            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(IReadOnlyList<string> keys, DateOnly day, long amount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (_totals.TryGetValue((key, day), out var used))
                {
                    _totals[(key, day)] = Math.Max(0, used - amount);
                }
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<long>> GetUsedAsync(IReadOnlyList<string> keys, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_gate)
        {
            IReadOnlyList<long> used = [.. keys.Select(k => _totals.GetValueOrDefault((k, day)))];
            return ValueTask.FromResult(used);
        }
    }

    /// <summary>Version mismatches, duplicates in the change set, or an idempotency key taken by another transfer.</summary>
    private bool HasTransactionConflicts(AuthChanges changes) =>
        changes.ContractSettings.Any(s => s.Version != (_settings.GetValueOrDefault(s.ContractId)?.Version ?? 0))
        || changes.Transfers.Any(t => t.Version != (_transfers.GetValueOrDefault(t.Id)?.Version ?? 0))
        || changes.ContractSettings.Select(s => s.ContractId).Distinct().Count() != changes.ContractSettings.Count
        || changes.Transfers.Select(t => t.Id).Distinct().Count() != changes.Transfers.Count
        || changes.Transfers.Any(t => _transfers.Values.Any(o => o.Id != t.Id && o.User == t.User && string.Equals(o.IdempotencyKey, t.IdempotencyKey, StringComparison.Ordinal)));

    private void ApplyTransactions(AuthChanges changes)
    {
        foreach (var settings in changes.ContractSettings)
        {
            _settings[settings.ContractId] = settings with { Version = settings.Version + 1 };
        }

        foreach (var transfer in changes.Transfers)
        {
            _transfers[transfer.Id] = transfer with { Version = transfer.Version + 1 };
        }
    }
}
