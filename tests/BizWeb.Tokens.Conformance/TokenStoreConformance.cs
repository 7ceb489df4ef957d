using System.Security.Cryptography;
using BizWeb.Auth;
using BizWeb.Testing;
using BizWeb.Testing.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Tokens.Conformance;

/// <summary>
/// The base of every token store conformance class: the SDK with AddCustomerCards() and
/// AddHardwareTokens(), then the derived class's stores (registered after, so they replace the defaults).
/// </summary>
public abstract class TokenStoreConformance : IDisposable
{
    private readonly Lazy<ServiceProvider> _provider;
    private readonly Lazy<IServiceScope> _scope;
    private System.Security.Cryptography.X509Certificates.X509Certificate2? _adminCertificate;

    /// <summary>Prepares the container, built on first use; the stores are resolved from one scope (stores may be scoped, like a request's).</summary>
    protected TokenStoreConformance()
    {
        _provider = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);
        _scope = new(() => _provider.Value.CreateScope(), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The container, for tests that need more than the stores.</summary>
    protected IServiceProvider Services => _scope.Value.ServiceProvider;

    /// <summary>A fixed instant with sub-second precision (stores must keep it).</summary>
    protected static DateTimeOffset T0 { get; } = new DateTimeOffset(2026, 11, 25, 1, 2, 3, TimeSpan.Zero).AddTicks(4_567_890);

    /// <summary>The contract of the tests.</summary>
    protected static ContractId Contract { get; } = ContractId.Parse("12345678901").Value;

    /// <summary>A user of <see cref="Contract"/>.</summary>
    protected static PrincipalId Taro { get; } = PrincipalId.User(Contract, UserId.Parse("taro").Value);

    /// <summary>Another user of <see cref="Contract"/>.</summary>
    protected static PrincipalId Hanako { get; } = PrincipalId.User(Contract, UserId.Parse("hanako").Value);

    /// <summary>The certificates of the suite's callers.</summary>
    protected TestCertificates Certificates { get; } = new();

    /// <summary>The administrator of <see cref="Contract"/> as the SDK's caller.</summary>
    /// <returns>The caller.</returns>
    protected Task<SignedInAdministrator> AdminAsync() =>
        TestSessions.CallerAsync<SignedInAdministrator>(Services, PrincipalId.Administrator(Contract), _adminCertificate ??= Certificates.IssueFor(PrincipalId.Administrator(Contract)));

    /// <summary>The card store under test.</summary>
    protected ICustomerCardStore Cards => _scope.Value.ServiceProvider.GetRequiredService<ICustomerCardStore>();

    /// <summary>The challenge store under test.</summary>
    protected ICustomerCardChallengeStore Challenges => _scope.Value.ServiceProvider.GetRequiredService<ICustomerCardChallengeStore>();

    /// <summary>The token store under test.</summary>
    protected IHardwareTokenStore Tokens => _scope.Value.ServiceProvider.GetRequiredService<IHardwareTokenStore>();

    /// <summary>The confirmation store under test.</summary>
    protected ITransactionConfirmationStore Confirmations => _scope.Value.ServiceProvider.GetRequiredService<ITransactionConfirmationStore>();

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

        Certificates.Dispose();

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

    /// <summary>Changes the SDK's registrations or options for a suite, after the stores (nothing by default).</summary>
    /// <param name="services">The services.</param>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Registers the store implementations under test (nothing for the in-memory defaults).</summary>
    /// <param name="services">The services, after the SDK's defaults.</param>
    protected abstract void AddStores(IServiceCollection services);

    /// <summary>A token in stock, not stored yet.</summary>
    /// <param name="serial">Its serial number.</param>
    /// <returns>The token.</returns>
    protected static HardwareToken NewToken(string serial) => new()
    {
        SerialNumber = serial,
        ProtectedSeed = RandomNumberGenerator.GetBytes(48),
        Algorithm = OtpHashAlgorithm.Sha256,
        Digits = 8,
        PeriodSeconds = 60,
        OcraSuite = "OCRA-1:HOTP-SHA256-8:QN08",
        Manufacturer = "Acme",
        ImportedAt = T0,
    };

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClientCertificateAuthenticator>(Certificates);
        services.AddSingleton<ISecretProtector>(new AesGcmSecretProtector(new Dictionary<byte, byte[]> { [1] = RandomNumberGenerator.GetBytes(32) }, 1));
        services.AddBizWeb(o => o.PinHashing = TestPinHashing.CheapArgon2id()).AddCustomerCards().AddHardwareTokens();
        AddStores(services);
        ConfigureServices(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
