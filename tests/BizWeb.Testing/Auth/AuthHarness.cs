using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BizWeb.Testing.Auth;

/// <summary>
/// The auth core wired as a host wires it, with cheap PIN hashing, a fake clock, and the in-test
/// second factors, certificates and mail sink; plus the walk of the manual's steps as helpers.
/// </summary>
public sealed class AuthHarness : IDisposable
{
    /// <summary>The contract id used when a test does not care.</summary>
    public const string ContractIdText = "12345678901";

    /// <summary>① on the application form.</summary>
    public const string RegistrationPin = "4826";

    /// <summary>③ chosen at activation (the manual's example).</summary>
    public const string AdminLoginPin = "syacho01";

    /// <summary>④ chosen at activation.</summary>
    public const string AdminConfirmationPin = "syacho02";

    /// <summary>The administrator's address.</summary>
    public const string AdminEmail = "syacho@example.co.jp";

    /// <summary>⑤ temporary (the manual's example).</summary>
    public const string TemporaryLoginPin = "kari01";

    /// <summary>⑥ temporary.</summary>
    public const string TemporaryConfirmationPin = "kari02";

    /// <summary>⑤ chosen at user activation.</summary>
    public const string UserLoginPin = "taro01";

    /// <summary>⑥ chosen at user activation.</summary>
    public const string UserConfirmationPin = "taro02";

    private readonly IServiceScope _scope;
    private readonly Dictionary<ContractId, X509Certificate2> _adminCertificates = [];
    private BankOperator? _operator;

    private AuthHarness(ServiceProvider services, IServiceScope scope, FakeTimeProvider time, CountingPinHasher hasher, TestCustomerCard card, TestHardwareToken token, TestCertificates certificates, RecordingNotificationSender mail, TestTransferConfirmations confirmations, TestTransferExecutor executor)
    {
        TransferConfirmations = confirmations;
        Executor = executor;
        Services = services;
        _scope = scope;
        Time = time;
        Hasher = hasher;
        Card = card;
        Token = token;
        Certificates = certificates;
        Mail = mail;
    }

    /// <summary>The bank operator of the tests.</summary>
    /// <summary>The bank operator "op001" at terminal 10.0.0.5, made by the SDK from the harness's <see cref="TestBankOperators"/>.</summary>
    public BankOperator Operator => _operator ??= TestBankOperators.Authenticate(Get<BankOperatorAuthentication>(), "op001", "10.0.0.5");


    /// <summary>An anonymous browser.</summary>
    public static AuditActor Browser { get; } = AuditActor.Anonymous("203.0.113.7");

    /// <summary>The root provider.</summary>
    public ServiceProvider Services { get; }

    /// <summary>The clock, starting 2026-11-25 10:00 in Tokyo (a Wednesday).</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The PIN hasher, counting evaluations.</summary>
    public CountingPinHasher Hasher { get; }

    /// <summary>The in-test customer card.</summary>
    public TestCustomerCard Card { get; }

    /// <summary>The in-test hardware token.</summary>
    public TestHardwareToken Token { get; }

    /// <summary>The in-test transaction-bound confirmation (code <see cref="TestHardwareToken.Code"/>).</summary>
    public TestTransferConfirmations TransferConfirmations { get; }

    /// <summary>The in-test core system behind <see cref="ITransferExecutor"/>.</summary>
    public TestTransferExecutor Executor { get; }

    /// <summary>The in-test certificate authority.</summary>
    public TestCertificates Certificates { get; }

    /// <summary>The mail sink.</summary>
    public RecordingNotificationSender Mail { get; }

    /// <summary>The default contract id.</summary>
    public static ContractId DefaultContract => Parse(ContractIdText);

    /// <summary>Builds the harness.</summary>
    /// <param name="configure">Option changes.</param>
    /// <param name="services">Registrations added after the core's (e.g. other stores).</param>
    /// <returns>The harness.</returns>
    public static AuthHarness Create(Action<BizWebOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));
        var hasher = new CountingPinHasher(TestPinHashing.CheapHasher());
        var card = new TestCustomerCard();
        var token = new TestHardwareToken();
        var certificates = new TestCertificates();
        var mail = new RecordingNotificationSender();
        var confirmations = new TestTransferConfirmations(time);
        var executor = new TestTransferExecutor();
        var collection = new ServiceCollection()
            .AddSingleton<ITransferConfirmationVerifier>(confirmations)
            .AddSingleton<ITransferExecutor>(executor)
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IPinHasher>(hasher)
            .AddSingleton<ICustomerCardVerifier>(card)
            .AddSingleton<IHardwareTokenVerifier>(token)
            .AddSingleton<IClientCertificateAuthenticator>(certificates)
            .AddSingleton<IBankOperatorAuthenticator, TestBankOperators>()
            .AddSingleton<INotificationSender>(mail);
        collection.AddBizWeb(o =>
        {
            o.PinHashing = TestPinHashing.CheapArgon2id();
            configure?.Invoke(o);
        });
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return new AuthHarness(provider, provider.CreateScope(), time, hasher, card, token, certificates, mail, confirmations, executor);
    }

    /// <summary>A contract id from text.</summary>
    public static ContractId Parse(string contractId) => ContractId.Parse(contractId).Value;

    /// <summary>A user id from text.</summary>
    public static UserId User(string userId) => UserId.Parse(userId).Value;

    /// <summary>A service of the harness's scope.</summary>
    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>The in-memory store behind every interface.</summary>
    public InMemoryAuthStore Store => Get<InMemoryAuthStore>();

    /// <summary>Bank: creates a contract with ① <see cref="RegistrationPin"/>.</summary>
    public async Task<ContractId> CreateContractAsync(LockoutMode mode = LockoutMode.Linked, string contractId = ContractIdText)
    {
        var result = await Get<BankOperations>().CreateContractAsync(Operator, contractId, RegistrationPin, mode);
        Assert(result, "create contract");
        return Parse(contractId);
    }

    /// <summary>管理者1-1 … 1-5 with the right answers.</summary>
    public async Task ActivateAdminAsync(ContractId contractId, string registrationPin = RegistrationPin)
    {
        var activation = Get<AdminActivation>();
        var begun = await activation.BeginAsync(contractId.ToString(), registrationPin, Browser);
        Assert(begun, "admin activation begin");
        var step = await activation.SetCredentialsAsync(begun.Value.Handle, registrationPin, AdminLoginPin, AdminConfirmationPin, AdminEmail, Browser);
        Assert(step, "admin activation credentials");
        Assert(await activation.CompleteAsync(step.Value.Handle, TestCustomerCard.Answer, Browser), "admin activation complete");
    }

    /// <summary>Creates and activates a contract, and issues its administrator's certificate.</summary>
    public async Task<(ContractId Contract, X509Certificate2 Certificate)> ActiveContractAsync(LockoutMode mode = LockoutMode.Linked, string contractId = ContractIdText)
    {
        var id = await CreateContractAsync(mode, contractId);
        await ActivateAdminAsync(id);
        return (id, Certificates.IssueFor(PrincipalId.Administrator(id)));
    }

    /// <summary>管理者3-1 … 3-4 with the right answers.</summary>
    public async Task<SignedInPrincipal> SignInAdminAsync(X509Certificate2 certificate)
    {
        var signIn = Get<AdminSignIn>();
        var step = await signIn.VerifyPinAsync(certificate, AdminLoginPin, Browser);
        Assert(step, "admin sign-in PIN");
        var signedIn = await signIn.VerifyCardAsync(step.Value.Handle, TestCustomerCard.Answer, Browser);
        Assert(signedIn, "admin sign-in card");
        return signedIn.Value;
    }

    /// <summary>管理者4-2: registers a user with the temporary PINs.</summary>
    /// <summary>
    /// The contract's administrator as the SDK's caller (<see cref="TestSessions"/>: its session with the
    /// current security stamp and the harness's administrator certificate, validated as a host does on a
    /// request). Call it again after a change that renews the contract's security stamp.
    /// </summary>
    public Task<SignedInAdministrator> AdminAsync(ContractId contractId) =>
        TestSessions.CallerAsync<SignedInAdministrator>(_scope.ServiceProvider, PrincipalId.Administrator(contractId), AdminCertificate(contractId));

    /// <summary>The user as the SDK's caller (<see cref="TestSessions"/>), presenting a certificate issued for it.</summary>
    public Task<SignedInUser> UserAsync(ContractId contractId, UserId userId) =>
        TestSessions.CallerAsync<SignedInUser>(_scope.ServiceProvider, PrincipalId.User(contractId, userId), Certificates.IssueFor(PrincipalId.User(contractId, userId)));

    /// <summary>Makes <paramref name="certificate"/> (e.g. one the bank's CA issued) the administrator's certificate of <see cref="AdminAsync"/>.</summary>
    public void UseAdminCertificate(ContractId contractId, X509Certificate2 certificate) => _adminCertificates[contractId] = certificate;

    /// <summary>The harness's certificate of the contract's administrator (one per contract).</summary>
    public X509Certificate2 AdminCertificate(ContractId contractId)
    {
        if (!_adminCertificates.TryGetValue(contractId, out var certificate))
        {
            certificate = _adminCertificates[contractId] = Certificates.IssueFor(PrincipalId.Administrator(contractId));
        }

        return certificate;
    }

    /// <summary>The caller of <paramref name="session"/> on a request presenting <paramref name="certificate"/>, validated by the SDK.</summary>
    public async Task<T> CallerAsync<T>(SignedInPrincipal session, X509Certificate2 certificate)
        where T : SignedInCaller =>
        await Get<SessionValidation>().ValidateAsync(session, certificate, TestSessions.ClientAddress) as T
        ?? throw new InvalidOperationException($"The harness's session of {session.Principal} is not current.");

    /// <summary>A user activated (as <see cref="ActivateUserAsync"/>) and validated as the SDK's caller.</summary>
    public async Task<SignedInUser> ActiveUserAsync(ContractId contractId, UserId userId)
    {
        var (certificate, session) = await ActivateUserAsync(contractId, userId);
        return await CallerAsync<SignedInUser>(session, certificate);
    }

    public async Task<UserId> RegisterUserAsync(ContractId contractId, string userId = "taro", string? email = "taro@example.co.jp", bool issueCertificate = true)
    {
        var result = await Get<UserAdministration>().RegisterAsync(
            await AdminAsync(contractId),
            new UserRegistration
            {
                UserId = userId,
                NameKana = "ヤマダ タロウ",
                NameKanji = "山田 太郎",
                TemporaryLoginPin = TemporaryLoginPin,
                TemporaryConfirmationPin = TemporaryConfirmationPin,
                Email = email,
                IssueCertificate = issueCertificate,
            },
            AdminConfirmationPin);
        Assert(result, "register user");
        return User(userId);
    }

    /// <summary>利用者7-3 … 7-5 with the right answers; returns the user's certificate and sign-in.</summary>
    public async Task<(X509Certificate2 Certificate, SignedInPrincipal SignedIn)> ActivateUserAsync(ContractId contractId, UserId userId)
    {
        var certificate = Certificates.IssueFor(PrincipalId.User(contractId, userId));
        var activation = Get<UserActivation>();
        var begun = await activation.BeginAsync(certificate, TemporaryLoginPin, Browser);
        Assert(begun, "user activation begin");
        var done = await activation.CompleteAsync(begun.Value.Handle, new UserActivationRequest
        {
            TemporaryLoginPin = TemporaryLoginPin,
            NewLoginPin = UserLoginPin,
            TemporaryConfirmationPin = TemporaryConfirmationPin,
            NewConfirmationPin = UserConfirmationPin,
        }, Browser);
        Assert(done, "user activation complete");
        return (certificate, done.Value);
    }

    /// <summary>Every notification in the outbox for the contract, oldest first.</summary>
    public async Task<IReadOnlyList<SecurityNotification>> OutboxAsync(ContractId contractId) =>
        [.. (await Store.ListForContractAsync(contractId, CancellationToken.None)).Reverse()];

    /// <summary>Every audit record, in order.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditAsync() => await Store.ReadAsync(0, int.MaxValue, CancellationToken.None);

    /// <inheritdoc />
    public void Dispose()
    {
        _scope.Dispose();
        Services.Dispose();
        Certificates.Dispose();
    }

    private static void Assert(AuthResult result, string step)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The harness step '{step}' failed: {result}.");
        }
    }
}
