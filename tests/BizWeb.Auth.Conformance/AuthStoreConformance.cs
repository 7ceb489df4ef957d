using BizWeb.Testing.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Auth.Conformance;

/// <summary>
/// The base of every conformance class: a harness whose stores the derived class registers (after
/// the core's defaults, so it replaces them), and helpers to make aggregates.
/// </summary>
public abstract class AuthStoreConformance : IDisposable
{
    private readonly Lazy<AuthHarness> _harness;

    /// <summary>Prepares the harness, built on first use (thread-safe: parallel tests touch it from many threads at once).</summary>
    protected AuthStoreConformance() => _harness = new(() => AuthHarness.Create(services: AddStores), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The harness with the derived class's stores.</summary>
    protected AuthHarness H => _harness.Value;

    /// <summary>Registers the store implementation under test (nothing for the in-memory default).</summary>
    protected abstract void AddStores(IServiceCollection services);

    /// <summary>The unit of work under test.</summary>
    protected IAuthUnitOfWork UnitOfWork => H.Get<IAuthUnitOfWork>();

    /// <summary>The contract store under test.</summary>
    protected IContractStore Contracts => H.Get<IContractStore>();

    /// <summary>The user store under test.</summary>
    protected IUserStore Users => H.Get<IUserStore>();

    /// <summary>Reads contract and user together.</summary>
    protected IPrincipalReader Principals => H.Get<IPrincipalReader>();

    /// <summary>The ticket store under test.</summary>
    protected IFlowTicketStore Tickets => H.Get<IFlowTicketStore>();

    /// <summary>The counter store under test.</summary>
    protected ICredentialCounterStore Counters => H.Get<ICredentialCounterStore>();

    /// <summary>The audit store under test.</summary>
    protected IAuditTrailStore AuditTrail => H.Get<IAuditTrailStore>();

    /// <summary>The outbox under test.</summary>
    protected INotificationOutbox Outbox => H.Get<INotificationOutbox>();

    /// <summary>A fixed instant with sub-second precision (stores must keep microseconds).</summary>
    protected static DateTimeOffset T0 { get; } = new DateTimeOffset(2026, 11, 25, 1, 2, 3, TimeSpan.Zero).AddTicks(4_567_890);

    /// <summary>A contract not stored yet.</summary>
    protected static Contract NewContract(string id = "12345678901") => new()
    {
        Id = ContractId.Parse(id).Value,
        LockoutMode = LockoutMode.Unlinked,
        State = ContractState.AwaitingAdminActivation,
        RegistrationPinHash = "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
        SecurityStamp = "stamp-1",
        CreatedAt = T0,
    };

    /// <summary>A user not stored yet.</summary>
    protected static User NewUser(string userId = "taro", string contractId = "12345678901") => new()
    {
        ContractId = ContractId.Parse(contractId).Value,
        Id = UserId.Parse(userId).Value,
        NameKana = "ヤマダ タロウ",
        NameKanji = "山田 太郎",
        LoginPinHash = "hash-5",
        ConfirmationPinHash = "hash-6",
        Email = "taro@example.co.jp",
        IssueCertificate = true,
        GrantedServices = ["BalanceInquiry", "Transfer"],
        State = UserState.Registered,
        SecurityStamp = "stamp-u",
        CreatedAt = T0,
    };

    /// <summary>An audit record not appended yet.</summary>
    protected static AuditEntry NewAudit(string action, PrincipalId? subject = null) => new()
    {
        At = T0,
        Actor = AuditActor.BankOperator("op001", "10.0.0.5"),
        Action = action,
        Subject = subject,
        Outcome = AuditOutcome.Succeeded,
        Detail = "detail",
    };

    /// <summary>A notification not queued yet.</summary>
    protected static SecurityNotification NewNotification(DateTimeOffset createdAt, string contractId = "12345678901") => new()
    {
        Id = Guid.NewGuid(),
        Event = SecurityEvent.UserRegistered,
        Recipient = PrincipalId.Administrator(ContractId.Parse(contractId).Value),
        EmailAddress = "syacho@example.co.jp",
        CreatedAt = createdAt,
        NextAttemptAt = createdAt,
    };

    /// <inheritdoc />
    public void Dispose()
    {
        if (_harness.IsValueCreated)
        {
            _harness.Value.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
