using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using BizWeb.Auth;
using BizWeb.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Benchmarks;

/// <summary>
/// Throughput with 1, 2, 4 and 8 concurrent callers against the in-memory stores (issue 10's
/// scaling run). Each invocation runs <see cref="Operations"/> operations in total, split evenly
/// over <see cref="Callers"/> tasks (each its own DI scope, contract, user, certificate and token,
/// so what is shared is the stores and their locks, not a lockout counter), so the reported mean is
/// wall time per operation: 1 / throughput. Baseline: the lockout reservation and reset alone.
/// Sign-in is <see cref="UserSignIn.SignInAsync"/> with the KDF replaced by a plain comparison;
/// TOTP is <see cref="IHardwareTokenVerifier.VerifyAsync"/> (seed decryption, window ±1) with a
/// wrong code, so the token's replay state never changes between operations.
/// eng/bench/plot.py turns the results into docs/performance-scaling.svg.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("scaling")]
public class ConcurrencyScalingBenchmarks
{
    public const int Operations = 1_600;
    private ScalingFixture _fixture = null!;

    [Params(1, 2, 4, 8)]
    public int Callers { get; set; }

    /// <summary>InMemory, and PostgreSql when BIZWEB_TEST_POSTGRES names a server (the EF Core stores on a fresh database).</summary>
    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "InMemory";

    public static IEnumerable<string> Stores() => Environment.GetEnvironmentVariable("BIZWEB_TEST_POSTGRES") is null ? ["InMemory"] : ["InMemory", "PostgreSql"];

    [GlobalSetup]
    public void Setup() => _fixture = new ScalingFixture(new ScalingFixture.PlainComparisonHasher(), Store);

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public Task LockoutReservationAndReset() => _fixture.RunAsync(Callers, Operations, async caller =>
    {
        await _fixture.Counters.TryReserveAttemptAsync(caller.CounterKey, 7, DateTimeOffset.UnixEpoch, null, default);
        await _fixture.Counters.ResetAsync(caller.CounterKey, default);
    });

    [Benchmark(OperationsPerInvoke = Operations)]
    public Task SignInWithoutKdf() => _fixture.RunAsync(Callers, Operations, caller => caller.SignInAsync());

    [Benchmark(OperationsPerInvoke = Operations)]
    public Task TotpVerifyMiss() => _fixture.RunAsync(Callers, Operations, caller => caller.VerifyTotpMissAsync());
}

/// <summary>
/// Sign-in with the real KDF (Argon2id, the default parameters: m = 19 MiB, t = 2, p = 1) with 1, 2, 4
/// and 8 concurrent callers: where the cost grows, by design. <see cref="Operations"/> sign-ins per
/// invocation, split over the callers; the mean is wall time per sign-in.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("scaling", "kdf")]
public class KdfSignInScalingBenchmarks
{
    public const int Operations = 16;
    private ScalingFixture _fixture = null!;

    [Params(1, 2, 4, 8)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup() => _fixture = new ScalingFixture(null);

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    [Benchmark(OperationsPerInvoke = Operations)]
    public Task SignInWithArgon2id() => _fixture.RunAsync(Callers, Operations, caller => caller.SignInAsync());
}

/// <summary>Eight principals, each with its own contract, user, certificate, hardware token and DI scope.</summary>
internal sealed class ScalingFixture : IDisposable
{
    public const int MaxCallers = 8;
    private const string LoginPin = "Login123";
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 10, TimeSpan.Zero);
    private readonly ServiceProvider _services;
    private readonly Caller[] _callers;

    public ScalingFixture(IPinHasher? hasher, string store = "InMemory")
    {
        var certificates = new Dictionary<string, PrincipalId>(StringComparer.Ordinal);
        var services = new ServiceCollection()
            .AddSingleton<IClientCertificateAuthenticator>(new MapCertificates(certificates))
            .AddSingleton<ISecretProtector>(new AesGcmSecretProtector(new Dictionary<byte, byte[]> { [1] = RandomNumberGenerator.GetBytes(32) }, 1));
        if (hasher is not null)
        {
            services.AddSingleton(hasher);
        }

        var builder = services.AddBizWeb().AddHardwareTokens();
        if (store == "PostgreSql")
        {
            builder.AddPostgreSqlStores(PostgreSqlDatabase.CreateMigrated());
        }

        _services = services.BuildServiceProvider();
        Counters = _services.GetRequiredService<ICredentialCounterStore>();
        var unitOfWork = _services.GetRequiredService<IAuthUnitOfWork>();
        var pinHash = _services.GetRequiredService<IPinHasher>().HashPin(LoginPin);
        var tokens = _services.GetRequiredService<IHardwareTokenStore>();
        var protector = _services.GetRequiredService<ISecretProtector>();
        var now = TimeProvider.System.GetUtcNow();
        _callers = new Caller[MaxCallers];
        for (var i = 0; i < MaxCallers; i++)
        {
            var contract = ContractId.Parse(FormattableString.Invariant($"1234567890{i}")).Value;
            var user = UserId.Parse(FormattableString.Invariant($"taro{i:D2}")).Value;
            var principal = PrincipalId.User(contract, user);
            Wait(unitOfWork.CommitAsync(new AuthChanges()
                .Put(new Contract { Id = contract, LockoutMode = LockoutMode.Linked, State = ContractState.Active, RegistrationPinHash = "x", SecurityStamp = "s", CreatedAt = now })
                .Put(new User { ContractId = contract, Id = user, NameKana = "タロウ", LoginPinHash = pinHash, ConfirmationPinHash = pinHash, State = UserState.Active, ActivatedAt = now, SecurityStamp = "u", CreatedAt = now }), default).AsTask());

            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var certificate = new CertificateRequest(FormattableString.Invariant($"CN={contract}{user}1286"), key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
            certificates[certificate.Thumbprint] = principal;
            certificates[SignedInPrincipal.ThumbprintOf(certificate)] = principal;

            var serial = FormattableString.Invariant($"SN{i:D6}");
            var seed = RandomNumberGenerator.GetBytes(20);
            Wait(tokens.AddAllAsync([new HardwareToken { SerialNumber = serial, ProtectedSeed = protector.Protect(seed, HardwareToken.SeedPurpose), ImportedAt = now }], null, default).AsTask());
            var step = Now.ToUnixTimeSeconds() / 30;
            if (!Wait(tokens.TryAssignAsync(serial, principal, step - 10, 0, now, null, default).AsTask()).Assigned)
            {
                throw new InvalidOperationException("The token was not assigned.");
            }

            var miss = Enumerable.Range(0, 1_000_000).Select(c => c.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
                .First(c => !TotpVerifier.TryMatch(seed, c, OtpHashAlgorithm.Sha1, 6, step, 1, long.MinValue, out _));
            var scope = _services.CreateScope();
            _callers[i] = new Caller(scope, certificate, principal, miss, FormattableString.Invariant($"{contract}/{user}#5"));
            if (!Wait(_callers[i].SignInAsync().AsTask()))
            {
                throw new InvalidOperationException("The sign-in failed.");
            }
        }
    }

    /// <summary>The counter store under test (the baseline's).</summary>
    public ICredentialCounterStore Counters { get; }

    /// <summary>Runs <paramref name="operations"/> calls of <paramref name="operation"/>, split over <paramref name="callers"/> parallel tasks.</summary>
    public Task RunAsync(int callers, int operations, Func<Caller, ValueTask> operation) =>
        ParallelCallers.RunAsync(callers, operations, (caller, _) => operation(_callers[caller]));

    /// <inheritdoc cref="RunAsync(int, int, Func{Caller, ValueTask})"/>
    public Task RunAsync(int callers, int operations, Func<Caller, ValueTask<bool>> operation) =>
        RunAsync(callers, operations, async (Caller caller) => { _ = await operation(caller); });

    public void Dispose()
    {
        foreach (var caller in _callers)
        {
            caller.Dispose();
        }

        _services.Dispose();
    }

    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    internal sealed class Caller(IServiceScope scope, X509Certificate2 certificate, PrincipalId principal, string missCode, string counterKey) : IDisposable
    {
        private readonly UserSignIn _signIn = scope.ServiceProvider.GetRequiredService<UserSignIn>();
        private readonly IHardwareTokenVerifier _tokens = scope.ServiceProvider.GetRequiredService<IHardwareTokenVerifier>();
        private readonly AuditActor _actor = AuditActor.Anonymous("203.0.113.7");

        public string CounterKey { get; } = counterKey;

        public async ValueTask<bool> SignInAsync() => (await _signIn.SignInAsync(certificate, LoginPin, _actor)).Succeeded;

        public async ValueTask<bool> VerifyTotpMissAsync() =>
            await _tokens.VerifyAsync(new SecondFactorContext(principal, FlowPurpose.AdminSignIn, Guid.Empty, Now), missCode, default) == SecondFactorVerification.Verified;

        public void Dispose()
        {
            certificate.Dispose();
            scope.Dispose();
        }
    }

    internal sealed class PlainComparisonHasher : IPinHasher
    {
        public string HashPin(string pin) => pin;

        public PinVerificationResult VerifyPin(string pin, string? storedHash) =>
            storedHash is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(pin), System.Text.Encoding.UTF8.GetBytes(storedHash))
                ? PinVerificationResult.Succeeded
                : PinVerificationResult.Failed;
    }

    internal sealed class MapCertificates(Dictionary<string, PrincipalId> principals) : IClientCertificateAuthenticator
    {
        public ValueTask<PrincipalId?> AuthenticateAsync(X509Certificate2 certificate, DateTimeOffset now, CancellationToken cancellationToken) =>
            ValueTask.FromResult(principals.TryGetValue(certificate.Thumbprint, out var principal) ? principal : (PrincipalId?)null);

        public ValueTask<bool> IsCurrentAsync(PrincipalId principal, string certificateThumbprint, DateTimeOffset now, CancellationToken cancellationToken) =>
            ValueTask.FromResult(principals.TryGetValue(certificateThumbprint, out var mapped) && mapped == principal);
    }
}
