namespace BizWeb.Auth;

/// <summary>One atomic change set for <see cref="IAuthUnitOfWork.CommitAsync"/>.</summary>
public sealed class AuthChanges
{
    private readonly List<Contract> _contracts = [];
    private readonly List<User> _users = [];
    private readonly List<FlowTicket> _tickets = [];
    private readonly List<string> _counterResets = [];
    private readonly List<AuditEntry> _audit = [];
    private readonly List<SecurityNotification> _notifications = [];
    private readonly List<ContractSettings> _contractSettings = [];
    private readonly List<Transfer> _transfers = [];

    /// <summary>Contracts to insert (version 0) or update (the version read).</summary>
    public IReadOnlyList<Contract> Contracts => _contracts;

    /// <summary>Users to insert or update.</summary>
    public IReadOnlyList<User> Users => _users;

    /// <summary>Flow tickets to insert or update.</summary>
    public IReadOnlyList<FlowTicket> Tickets => _tickets;

    /// <summary>Failure counters to set to zero.</summary>
    public IReadOnlyList<string> CounterResets => _counterResets;

    /// <summary>Audit records to append, in order.</summary>
    public IReadOnlyList<AuditEntry> Audit => _audit;

    /// <summary>Notifications to put into the outbox.</summary>
    public IReadOnlyList<SecurityNotification> Notifications => _notifications;

    /// <summary>Contract settings to insert or update.</summary>
    public IReadOnlyList<ContractSettings> ContractSettings => _contractSettings;

    /// <summary>Transfers to insert or update.</summary>
    public IReadOnlyList<Transfer> Transfers => _transfers;

    /// <summary>Adds contract settings.</summary>
    /// <param name="settings">The new state, carrying the version it was read with.</param>
    /// <returns>This change set.</returns>
    public AuthChanges Put(ContractSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        IdGuard.Require(settings.ContractId, nameof(settings));
        _contractSettings.Add(settings);
        return this;
    }

    /// <summary>Adds a transfer.</summary>
    /// <param name="transfer">The new state, carrying the version it was read with.</param>
    /// <returns>This change set.</returns>
    public AuthChanges Put(Transfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        IdGuard.Require(transfer.User, nameof(transfer));
        _transfers.Add(transfer);
        return this;
    }

    /// <summary>Adds a contract.</summary>
    /// <param name="contract">The new state, carrying the version it was read with.</param>
    /// <returns>This change set.</returns>
    public AuthChanges Put(Contract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        IdGuard.Require(contract.Id, nameof(contract));
        _contracts.Add(contract);
        return this;
    }

    /// <summary>Adds a user.</summary>
    /// <param name="user">The new state, carrying the version it was read with.</param>
    /// <returns>This change set.</returns>
    public AuthChanges Put(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        IdGuard.Require(user.ContractId, nameof(user));
        IdGuard.Require(user.Id, nameof(user));
        _users.Add(user);
        return this;
    }

    /// <summary>Adds a flow ticket.</summary>
    /// <param name="ticket">The new state, carrying the version it was read with.</param>
    /// <returns>This change set.</returns>
    public AuthChanges Put(FlowTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        IdGuard.Require(ticket.Principal, nameof(ticket));
        _tickets.Add(ticket);
        return this;
    }

    /// <summary>Sets a failure counter to zero.</summary>
    /// <param name="counterKey">The counter's key.</param>
    /// <returns>This change set.</returns>
    public AuthChanges ResetCounter(string counterKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(counterKey);
        _counterResets.Add(counterKey);
        return this;
    }

    /// <summary>Appends an audit record.</summary>
    /// <param name="entry">The record (unlinked).</param>
    /// <returns>This change set.</returns>
    public AuthChanges Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _audit.Add(entry);
        return this;
    }

    /// <summary>Puts a notification into the outbox.</summary>
    /// <param name="notification">The notification.</param>
    /// <returns>This change set.</returns>
    public AuthChanges Enqueue(SecurityNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        _notifications.Add(notification);
        return this;
    }
}
