namespace BizWeb.Auth;

/// <summary>
/// The thread-safe in-memory implementation of every auth store, registered by default. One lock
/// makes each call atomic, so it keeps the same guarantees as a database: reservations never pass
/// the limit, a commit stores all or nothing. Data is lost when the process ends; use the EF Core
/// stores for anything but tests and demos.
/// </summary>
public sealed partial class InMemoryAuthStore : IContractStore, IUserStore, IFlowTicketStore, ICredentialCounterStore, IAuditTrailStore, INotificationOutbox, IAuthUnitOfWork
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ContractId, Contract> _contracts = [];
    private readonly Dictionary<(ContractId, UserId), User> _users = [];
    private readonly Dictionary<Guid, FlowTicket> _tickets = [];
    private readonly Dictionary<string, (int Failures, DateTimeOffset? ExpiresAt)> _counters = new(StringComparer.Ordinal);
    private readonly List<AuditEntry> _audit = [];
    private readonly Dictionary<Guid, SecurityNotification> _outbox = [];

    /// <summary>Creates an empty store.</summary>
    public InMemoryAuthStore()
    {
    }

    /// <summary>Creates an empty store and warns, once, that it is not for production.</summary>
    /// <param name="loggerFactory">Where the warning goes.</param>
    public InMemoryAuthStore(Microsoft.Extensions.Logging.ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        AuthLog.InMemoryStores(loggerFactory.CreateLogger("BizWeb.Auth"));
    }

    /// <inheritdoc />
    public ValueTask<Contract?> FindAsync(ContractId id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_contracts.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public ValueTask<User?> FindAsync(ContractId contractId, UserId userId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_users.GetValueOrDefault((contractId, userId)));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<User>> ListAsync(ContractId contractId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<User> users = [.. _users.Values.Where(u => u.ContractId == contractId).OrderBy(u => u.Id.ToString(), StringComparer.Ordinal)];
            return ValueTask.FromResult(users);
        }
    }

    /// <inheritdoc />
    public ValueTask<FlowTicket?> FindByHandleHashAsync(string handleHash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_tickets.Values.FirstOrDefault(t => string.Equals(t.HandleHash, handleHash, StringComparison.Ordinal)));
        }
    }

    /// <inheritdoc />
    public ValueTask<FlowTicket?> FindLatestAsync(PrincipalId principal, FlowPurpose purpose, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_tickets.Values
                .Where(t => t.Principal == principal && t.Purpose == purpose)
                .MaxBy(t => t.StartedAt));
        }
    }

    /// <inheritdoc />
    public ValueTask<AttemptReservation> TryReserveAttemptAsync(string key, int limit, DateTimeOffset now, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var failures = CurrentFailures(key, now);
            if (failures >= limit)
            {
                return ValueTask.FromResult(new AttemptReservation(false, failures));
            }

            _counters[key] = (failures + 1, expiresAt);
            return ValueTask.FromResult(new AttemptReservation(true, failures + 1));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> TryReleaseAttemptAsync(string key, int reservedFailures, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(reservedFailures, 1);
        lock (_gate)
        {
            if (!_counters.TryGetValue(key, out var counter) || counter.Failures != reservedFailures)
            {
                return ValueTask.FromResult(false);
            }

            _counters[key] = (reservedFailures - 1, counter.ExpiresAt);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask ResetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _counters.Remove(key);
            return ValueTask.CompletedTask;
        }
    }

    /// <inheritdoc />
    public ValueTask<int> GetFailuresAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(CurrentFailures(key, now));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AuditEntry>> ReadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<AuditEntry> page = [.. _audit.Where(a => a.Sequence > afterSequence).Take(maxCount)];
            return ValueTask.FromResult(page);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SecurityNotification>> ListDueAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<SecurityNotification> due = [.. _outbox.Values
                .Where(n => n.DeliveredAt is null && !n.Abandoned && n.NextAttemptAt <= now)
                .OrderBy(n => n.CreatedAt)
                .Take(maxCount)];
            return ValueTask.FromResult(due);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> TryClaimAsync(Guid id, int expectedAttempts, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_outbox.TryGetValue(id, out var n) || n.DeliveredAt is not null || n.Abandoned || n.Attempts != expectedAttempts || n.NextAttemptAt > now)
            {
                return ValueTask.FromResult(false);
            }

            _outbox[id] = n with { Attempts = n.Attempts + 1, NextAttemptAt = leaseUntil };
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask MarkDeliveredAsync(Guid id, DateTimeOffset deliveredAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_outbox.TryGetValue(id, out var n))
            {
                _outbox[id] = n with { DeliveredAt = deliveredAt, LastError = null };
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <inheritdoc />
    public ValueTask MarkFailedAsync(Guid id, DateTimeOffset nextAttemptAt, string errorType, bool abandoned, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_outbox.TryGetValue(id, out var n) && n.DeliveredAt is null)
            {
                _outbox[id] = n with { NextAttemptAt = nextAttemptAt, LastError = errorType, Abandoned = abandoned };
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SecurityNotification>> ListForContractAsync(ContractId contractId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<SecurityNotification> list = [.. _outbox.Values.Where(n => n.Recipient.ContractId == contractId).OrderByDescending(n => n.CreatedAt)];
            return ValueTask.FromResult(list);
        }
    }

    /// <inheritdoc />
    public ValueTask<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_outbox.Values.Count(n => n.DeliveredAt is null && !n.Abandoned));
        }
    }

    /// <inheritdoc />
    public ValueTask<CommitOutcome> CommitAsync(AuthChanges changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // Check every version first: a conflict anywhere stores nothing.
            if (changes.Contracts.Any(c => c.Version != (_contracts.GetValueOrDefault(c.Id)?.Version ?? 0))
                || changes.Users.Any(u => u.Version != (_users.GetValueOrDefault((u.ContractId, u.Id))?.Version ?? 0))
                || changes.Tickets.Any(t => t.Version != (_tickets.GetValueOrDefault(t.Id)?.Version ?? 0))
                || HasDuplicates(changes)
                || HasTransactionConflicts(changes)
                || changes.Notifications.Any(n => _outbox.ContainsKey(n.Id)))
            {
                return ValueTask.FromResult(CommitOutcome.Conflict);
            }

            foreach (var contract in changes.Contracts)
            {
                _contracts[contract.Id] = contract with { Version = contract.Version + 1 };
            }

            foreach (var user in changes.Users)
            {
                _users[(user.ContractId, user.Id)] = user with { Version = user.Version + 1 };
            }

            foreach (var ticket in changes.Tickets)
            {
                _tickets[ticket.Id] = ticket with { Version = ticket.Version + 1 };
            }

            ApplyTransactions(changes);

            foreach (var key in changes.CounterResets)
            {
                _counters.Remove(key);
            }

            foreach (var entry in changes.Audit)
            {
                var previous = _audit.Count == 0 ? AuditChain.GenesisHash : _audit[^1].Hash;
                _audit.Add(AuditChain.Link(entry, _audit.Count + 1, previous));
            }

            foreach (var notification in changes.Notifications)
            {
                _outbox[notification.Id] = notification;
            }

            return ValueTask.FromResult(CommitOutcome.Committed);
        }
    }

    private static bool HasDuplicates(AuthChanges changes) =>
        changes.Contracts.Select(c => c.Id).Distinct().Count() != changes.Contracts.Count
        || changes.Users.Select(u => (u.ContractId, u.Id)).Distinct().Count() != changes.Users.Count
        || changes.Tickets.Select(t => t.Id).Distinct().Count() != changes.Tickets.Count;

    private int CurrentFailures(string key, DateTimeOffset now) =>
        _counters.TryGetValue(key, out var counter) && (counter.ExpiresAt is null || counter.ExpiresAt > now) ? counter.Failures : 0;
}
