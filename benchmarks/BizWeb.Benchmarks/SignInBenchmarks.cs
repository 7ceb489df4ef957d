using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using BizWeb.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Benchmarks;

/// <summary>
/// A complete user sign-in (利用者8-2: certificate mapping, lockout reservation, PIN check, state
/// checks, audit commit) against the in-memory store, with the KDF replaced by a plain comparison so
/// what is measured is the SDK's own work (target &lt; 20 µs). Baseline: the lockout reservation and
/// reset alone, the part every guess pays.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("quick", "auth")]
public class SignInBenchmarks
{
    private ServiceProvider _services = null!;
    private IServiceScope _scope = null!;
    private UserSignIn _signIn = null!;
    private InMemoryAuthStore _counters = null!;
    private X509Certificate2 _certificate = null!;
    private readonly AuditActor _actor = AuditActor.Anonymous("203.0.113.7");

    [GlobalSetup]
    public void Setup()
    {
        var contract = ContractId.Parse("12345678901").Value;
        var user = UserId.Parse("taro").Value;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _certificate = new CertificateRequest("CN=12345678901taro1286", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        var services = new ServiceCollection()
            .AddSingleton<IPinHasher, PlainComparisonHasher>()
            .AddSingleton<IClientCertificateAuthenticator>(new OneCertificate(_certificate.Thumbprint, SignedInPrincipal.ThumbprintOf(_certificate), PrincipalId.User(contract, user)));
        services.AddBizWeb();
        _services = services.BuildServiceProvider();
        _scope = _services.CreateScope();
        var store = _services.GetRequiredService<InMemoryAuthStore>();
        var now = TimeProvider.System.GetUtcNow();
        store.CommitAsync(new AuthChanges()
            .Put(new Contract { Id = contract, LockoutMode = LockoutMode.Linked, State = ContractState.Active, RegistrationPinHash = "x", SecurityStamp = "s", CreatedAt = now })
            .Put(new User { ContractId = contract, Id = user, NameKana = "タロウ", LoginPinHash = "taro01", ConfirmationPinHash = "taro02", State = UserState.Active, ActivatedAt = now, SecurityStamp = "u", CreatedAt = now }), default).AsTask().GetAwaiter().GetResult();
        _signIn = _scope.ServiceProvider.GetRequiredService<UserSignIn>();
        _counters = store;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.Dispose();
        _services.Dispose();
        _certificate.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> LockoutReservationAndReset()
    {
        var reservation = await _counters.TryReserveAttemptAsync("12345678901/taro#5", 7, DateTimeOffset.UnixEpoch, null, default);
        await _counters.ResetAsync("12345678901/taro#5", default);
        return reservation.Failures;
    }

    [Benchmark]
    public async Task<bool> UserSignInWithoutKdf() => (await _signIn.SignInAsync(_certificate, "taro01", _actor)).Succeeded;

    private sealed class PlainComparisonHasher : IPinHasher
    {
        public string HashPin(string pin) => pin;

        public PinVerificationResult VerifyPin(string pin, string? storedHash) =>
            storedHash is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(pin), System.Text.Encoding.UTF8.GetBytes(storedHash))
                ? PinVerificationResult.Succeeded
                : PinVerificationResult.Failed;
    }

    private sealed class OneCertificate(string thumbprint, string sha256Thumbprint, PrincipalId principal) : IClientCertificateAuthenticator
    {
        public ValueTask<PrincipalId?> AuthenticateAsync(X509Certificate2 certificate, DateTimeOffset now, CancellationToken cancellationToken) =>
            ValueTask.FromResult(certificate.Thumbprint == thumbprint ? principal : (PrincipalId?)null);

        public ValueTask<bool> IsCurrentAsync(PrincipalId current, string certificateThumbprint, DateTimeOffset now, CancellationToken cancellationToken) =>
            ValueTask.FromResult(certificateThumbprint == sha256Thumbprint && current == principal);
    }
}
