using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;
using BizWeb.Testing.Auth;
using BizWeb.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BizWeb.Tokens.Tests;

/// <summary>
/// The SDK as a host wires it: AddBizWeb + AddCustomerCards + AddHardwareTokens over the in-memory
/// stores, a fake clock, a real AES-GCM protector with a random key, cheap PIN hashing, and a fake
/// certificate authenticator that maps any certificate to <see cref="CertificatePrincipal"/>.
/// </summary>
internal sealed class TestHost : IDisposable
{
    public const string ContractText = "12345678901";
    public const string RegistrationPin = "1234";
    public const string LoginPin = "Login123";
    public const string ConfirmationPin = "Confirm456";
    public static readonly ContractId Contract = ContractId.Parse(ContractText).Value;
    public static readonly PrincipalId Admin = PrincipalId.Administrator(Contract);
    public static readonly BankOperator Operator = TestBankOperators.Caller("op01");

    private readonly ServiceProvider _provider;
    private readonly IServiceScope _scope;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<PrincipalId, bool> _callers = new();

    public TestHost(Action<CustomerCardOptions>? cards = null, Action<HardwareTokenOptions>? tokens = null, Action<IServiceCollection>? services = null, Action<BizWebOptions>? options = null)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton<ISecretProtector>(new AesGcmSecretProtector(new Dictionary<byte, byte[]> { [1] = RandomNumberGenerator.GetBytes(32) }, 1));
        collection.AddSingleton<IClientCertificateAuthenticator>(new FakeCertificates(this));
        collection.AddBizWeb(o =>
        {
            o.PinHashing = TestPinHashing.CheapArgon2id();
            options?.Invoke(o);
        }).AddCustomerCards(cards).AddHardwareTokens(tokens);
        _provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _scope = _provider.CreateScope();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 4, 1, 0, 0, 10, TimeSpan.Zero));

    public PrincipalId? CertificatePrincipal { get; set; }

    /// <summary>The SDK's caller of <paramref name="principal"/> (its session validated as a host does; see <see cref="TestSessions"/>).</summary>
    public async Task<T> CallerAsync<T>(PrincipalId principal)
        where T : SignedInCaller
    {
        _callers[principal] = true;
        using var certificate = DummyCertificate();
        return await TestSessions.CallerAsync<T>(_scope.ServiceProvider, principal, certificate);
    }

    /// <summary>The administrator of <paramref name="admin"/>'s contract (<see cref="Admin"/> by default) as the SDK's caller.</summary>
    public Task<SignedInAdministrator> AdminAsync(PrincipalId? admin = null) => CallerAsync<SignedInAdministrator>(admin ?? Admin);

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public SecondFactorContext Context(PrincipalId principal, FlowPurpose purpose, Guid flowId) => new(principal, purpose, flowId, Time.GetUtcNow());

    public async Task CreateContractAsync(string contract = ContractText) =>
        Assert.True((await Get<BankOperations>().CreateContractAsync(Operator, contract, RegistrationPin, LockoutMode.Linked)).Succeeded);

    public async Task<CustomerCardPrint> IssueCardAsync(string contract = ContractText) => (await Get<CustomerCardIssuance>().IssueAsync(ContractId.Parse(contract).Value, Operator, default)).Value;

    /// <summary>The digits a person reads off <paramref name="card"/> for the prompts.</summary>
    public static string Answer(CustomerCardPrint card, IEnumerable<string> prompts) =>
        string.Concat(prompts.Select(p => CustomerCardPositions.TryParse(p, out var position) ? card.GetValue(position) : throw new ArgumentException(p)));

    /// <summary>Admin activation 管理者1-1 … 1-5 with the real card.</summary>
    public async Task ActivateAdminAsync(CustomerCardPrint card, string contract = ContractText)
    {
        var activation = Get<AdminActivation>();
        var actor = AuditActor.Anonymous("192.0.2.1");
        var begin = await activation.BeginAsync(contract, RegistrationPin, actor);
        Assert.True(begin.Succeeded, begin.ToString());
        var step = await activation.SetCredentialsAsync(begin.Value.Handle, RegistrationPin, LoginPin, ConfirmationPin, "admin@example.jp", actor);
        Assert.True(step.Succeeded, step.ToString());
        var done = await activation.CompleteAsync(step.Value.Handle, Answer(card, step.Value.Challenge.Prompts), actor);
        Assert.True(done.Succeeded, done.ToString());
    }

    public static X509Certificate2 DummyCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=test", key, HashAlgorithmName.SHA256);
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return request.CreateSelfSigned(now, now.AddYears(1));
    }

    public void Dispose()
    {
        _scope.Dispose();
        _provider.Dispose();
    }

    private sealed class FakeCertificates(TestHost host) : IClientCertificateAuthenticator
    {
        public ValueTask<PrincipalId?> AuthenticateAsync(X509Certificate2 certificate, DateTimeOffset now, CancellationToken cancellationToken) =>
            ValueTask.FromResult(host.CertificatePrincipal);

        public ValueTask<bool> IsCurrentAsync(PrincipalId principal, string certificateThumbprint, DateTimeOffset now, CancellationToken cancellationToken) =>
            ValueTask.FromResult(host.CertificatePrincipal == principal || host._callers.ContainsKey(principal));
    }
}
