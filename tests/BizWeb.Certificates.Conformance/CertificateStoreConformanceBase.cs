using System.Security.Cryptography;
using BizWeb.Auth;
using BizWeb.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Certificates.Conformance;

/// <summary>
/// The base of every certificate store conformance class: the SDK with AddCertificateAuthority(),
/// then the derived class's stores (registered after, so they replace the defaults), resolved from
/// one scope like a request's.
/// </summary>
public abstract class CertificateStoreConformanceBase : IDisposable
{
    private readonly Lazy<ServiceProvider> _provider;
    private readonly Lazy<IServiceScope> _scope;

    /// <summary>Prepares the container, built on first use.</summary>
    protected CertificateStoreConformanceBase()
    {
        _provider = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);
        _scope = new(() => _provider.Value.CreateScope(), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>A fixed instant with sub-second precision (stores must keep it).</summary>
    protected static DateTimeOffset T0 { get; } = new DateTimeOffset(2026, 11, 25, 1, 2, 3, TimeSpan.Zero).AddTicks(4_567_890);

    /// <summary>The contract of the tests.</summary>
    protected static ContractId Contract { get; } = ContractId.Parse("12345678901").Value;

    /// <summary>The contract's administrator.</summary>
    protected static PrincipalId Admin { get; } = PrincipalId.Administrator(Contract);

    /// <summary>A user of <see cref="Contract"/>.</summary>
    protected static PrincipalId Taro { get; } = PrincipalId.User(Contract, UserId.Parse("taro01").Value);

    /// <summary>Another user of <see cref="Contract"/>.</summary>
    protected static PrincipalId Hanako { get; } = PrincipalId.User(Contract, UserId.Parse("hanako").Value);

    /// <summary>The container of the test's scope.</summary>
    protected IServiceProvider Services => _scope.Value.ServiceProvider;

    /// <summary>The certificate store under test.</summary>
    protected ICertificateStore Certificates => _scope.Value.ServiceProvider.GetRequiredService<ICertificateStore>();

    /// <summary>The CRL store under test.</summary>
    protected ICertificateRevocationListStore Crls => _scope.Value.ServiceProvider.GetRequiredService<ICertificateRevocationListStore>();

    /// <summary>A new scope's certificate store (another request, as a parallel caller would have).</summary>
    /// <returns>The scope, to dispose, and its store.</returns>
    protected (IServiceScope Scope, ICertificateStore Store) NewScopeStore()
    {
        var scope = _provider.Value.CreateScope();
        return (scope, scope.ServiceProvider.GetRequiredService<ICertificateStore>());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_scope.IsValueCreated)
        {
            _scope.Value.Dispose();
        }

        if (_provider.IsValueCreated)
        {
            _provider.Value.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A change set of one audit record whose detail is <paramref name="detail"/>, for a store to commit with its change.</summary>
    /// <param name="detail">Tells the records apart.</param>
    /// <returns>The change set.</returns>
    protected static AuthChanges Audited(string detail) => new AuthChanges().Append(new AuditEntry
    {
        At = T0,
        Actor = AuditActor.System,
        Action = "ConformanceChange",
        Outcome = AuditOutcome.Succeeded,
        Detail = detail,
    });

    /// <summary>
    /// A change set that can never commit: its notification was committed before, so the outbox
    /// refuses it a second time (a conflict). A store given it must store nothing and throw.
    /// </summary>
    /// <param name="detail">The detail of the audit record it carries too.</param>
    /// <returns>The change set.</returns>
    protected async Task<AuthChanges> ConflictingAsync(string detail)
    {
        var notification = new SecurityNotification
        {
            Id = Guid.NewGuid(),
            Event = SecurityEvent.AdminActivated,
            Recipient = PrincipalId.Administrator(Contract),
            EmailAddress = "admin@example.co.jp",
            CreatedAt = T0,
            NextAttemptAt = T0,
        };
        Assert.Equal(CommitOutcome.Committed, await Services.GetRequiredService<IAuthUnitOfWork>().CommitAsync(new AuthChanges().Enqueue(notification), default));
        return Audited(detail).Enqueue(notification);
    }

    /// <summary>The details of the audit records the stores committed, in order.</summary>
    /// <returns>The details.</returns>
    protected async Task<IReadOnlyList<string?>> AuditedDetailsAsync() =>
        [.. (await Services.GetRequiredService<IAuditTrailStore>().ReadAsync(0, 1_000, default)).Where(a => a.Action == "ConformanceChange").Select(a => a.Detail)];

    /// <summary>Registers the store implementations under test (nothing for the in-memory defaults).</summary>
    /// <param name="services">The services, after the SDK's defaults.</param>
    protected abstract void AddStores(IServiceCollection services);

    /// <summary>A certificate not stored yet, with a fresh random serial number.</summary>
    /// <param name="principal">Whose it is.</param>
    /// <param name="issuedAt">When it was issued (<see cref="T0"/> by default).</param>
    /// <param name="days">Its validity in days.</param>
    /// <returns>The certificate.</returns>
    protected static IssuedCertificate NewCertificate(PrincipalId principal, DateTimeOffset? issuedAt = null, int days = 365)
    {
        var at = issuedAt ?? T0;
        return new IssuedCertificate
        {
            SerialNumber = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            Principal = principal,
            NotBefore = at.AddMinutes(-5),
            NotAfter = at.AddDays(days),
            IssuedAt = at,
            RawData = RandomNumberGenerator.GetBytes(600),
        };
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddBizWeb(o => o.PinHashing = TestPinHashing.CheapArgon2id()).AddCertificateAuthority();
        AddStores(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
