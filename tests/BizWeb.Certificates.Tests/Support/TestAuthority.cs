using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;
using BizWeb.Testing.Auth;
using BizWeb.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BizWeb.Certificates.Tests;

/// <summary>A CA key pair made once per process (EC P-256, or P-384/RSA on demand), as a key provider.</summary>
internal sealed class TestKeyProvider(X509Certificate2 certificate, AsymmetricAlgorithm key) : ICertificateAuthorityKeyProvider
{
    private static readonly Lazy<TestKeyProvider> P256 = new(() => Create(CertificateKeyAlgorithm.EcdsaP256));

    public static TestKeyProvider Default => P256.Value;

    public X509Certificate2 Certificate { get; } = certificate;

    public AsymmetricAlgorithm Key { get; } = key;

    public static TestKeyProvider Create(CertificateKeyAlgorithm algorithm, string name = "しんきん電子証明書認証局")
    {
        var key = AuthorityCertificates.CreateKey(algorithm);
        var certificate = AuthorityCertificates.Create(key, AuthorityCertificates.Name(name, "Shinkin Test Bank", null, "JP"), TimeProvider.System.GetUtcNow().AddDays(-30), TimeSpan.FromDays(3650), null);
        return new TestKeyProvider(certificate, key);
    }

    /// <summary>The CA certificate with its private key, for tests that forge certificates with the real CA key.</summary>
    public X509Certificate2 CertificateWithKey() => Key switch
    {
        ECDsa ec => Certificate.CopyWithPrivateKey(ec),
        RSA rsa => Certificate.CopyWithPrivateKey(rsa),
        _ => throw new InvalidOperationException(),
    };

    public ValueTask<ICertificateAuthoritySigner> GetSignerAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<ICertificateAuthoritySigner>(new KeyPairSigner(Certificate, Key));
}

/// <summary>
/// The CA wired as a host wires it (AddBizWeb + AddCertificateAuthority), with a fake clock, the
/// in-memory stores, and enrollment tickets handed out by the test instead of the auth flows.
/// </summary>
internal sealed class TestAuthority : IDisposable
{
    public static readonly ContractId Contract = ContractId.Parse("12345678901").Value;
    public static readonly UserId Taro = UserId.Parse("taro01").Value;
    public static readonly PrincipalId Admin = PrincipalId.Administrator(Contract);
    public static readonly PrincipalId User = PrincipalId.User(Contract, Taro);

    private readonly Dictionary<string, PrincipalId> _tickets = new(StringComparer.Ordinal);
    private readonly ServiceProvider _provider;
    private readonly IServiceScope _scope;

    public const string AdminEmail = "syacho@example.co.jp";
    public const string TaroEmail = "taro@example.co.jp";

    public TestAuthority(TestKeyProvider? keys = null, Action<CertificateAuthorityOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        Keys = keys ?? TestKeyProvider.Default;
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton<ICertificateAuthorityKeyProvider>(Keys);
        collection.AddScoped<EnrollmentTicketFinder>(_ => FindAsync);
        collection.AddScoped<EnrollmentTicketRedeemer>(_ => RedeemAsync);
        collection.AddBizWeb(o => o.PinHashing = TestPinHashing.CheapArgon2id())
            .AddCertificateAuthority(o =>
            {
                o.CrlDistributionPoint = new Uri("http://crl.shinkin.example/bizweb.crl");
                o.Organization = "Shinkin Test Bank";
                o.OrganizationalUnit = "BizWeb";
                configure?.Invoke(o);
            });
        services?.Invoke(collection);
        _provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _scope = _provider.CreateScope();
        AddPrincipalsAsync().AsTask().GetAwaiter().GetResult();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero));

    public TestKeyProvider Keys { get; }

    public CertificateAuthority Ca => _scope.ServiceProvider.GetRequiredService<CertificateAuthority>();

    public IClientCertificateAuthenticator Authenticator => _scope.ServiceProvider.GetRequiredService<IClientCertificateAuthenticator>();

    public CertificateExpiryReminders Reminders => _scope.ServiceProvider.GetRequiredService<CertificateExpiryReminders>();

    public IPrincipalReader Principals => _scope.ServiceProvider.GetRequiredService<IPrincipalReader>();

    public InMemoryAuthStore AuthStore => _provider.GetRequiredService<InMemoryAuthStore>();

    public ICertificateStore Store => _provider.GetRequiredService<ICertificateStore>();

    public static BankOperator Operator { get; } = TestBankOperators.Caller("op-01");

    public string TicketFor(PrincipalId principal)
    {
        var ticket = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        lock (_tickets)
        {
            _tickets[ticket] = principal;
        }

        return ticket;
    }

    public async Task<IssuedCertificate> IssueAsync(PrincipalId principal, byte[] csr)
    {
        var result = await Ca.IssueAsync(TicketFor(principal), csr, AuditActor.Anonymous());
        Assert.True(result.Succeeded, result.ToString());
        return result.Value;
    }

    /// <summary>The security stamp of the administrator (the contract's) or of the user.</summary>
    public async Task<string> StampAsync(PrincipalId principal) => principal.UserId is { } userId
        ? (await AuthStore.FindAsync(principal.ContractId, userId, CancellationToken.None))!.SecurityStamp
        : (await ((IContractStore)AuthStore).FindAsync(principal.ContractId, CancellationToken.None))!.SecurityStamp;

    /// <summary>Every notification in the outbox for the test contract, oldest first.</summary>
    public async Task<IReadOnlyList<SecurityNotification>> OutboxAsync() =>
        [.. (await AuthStore.ListForContractAsync(Contract, CancellationToken.None)).Reverse()];

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync() => await AuthStore.ReadAsync(0, 10_000, CancellationToken.None);

    public async Task DeleteUserAsync(PrincipalId principal)
    {
        var user = await AuthStore.FindAsync(principal.ContractId, principal.UserId!.Value, CancellationToken.None);
        Assert.Equal(CommitOutcome.Committed, await AuthStore.CommitAsync(new AuthChanges().Put(user! with { State = UserState.Deleted, DeletedAt = Time.GetUtcNow() }), CancellationToken.None));
    }

    public void Dispose()
    {
        _scope.Dispose();
        _provider.Dispose();
    }

    private ValueTask<AuthResult<PrincipalId>> FindAsync(string? ticket, CancellationToken cancellationToken)
    {
        lock (_tickets)
        {
            return ValueTask.FromResult(ticket is not null && _tickets.TryGetValue(ticket, out var principal)
                ? AuthResult.Ok(principal)
                : AuthResult.Fail<PrincipalId>(MessageCode.EnrollmentTicketInvalid));
        }
    }

    private ValueTask<AuthResult<PrincipalId>> RedeemAsync(string? ticket, CancellationToken cancellationToken)
    {
        lock (_tickets)
        {
            return ValueTask.FromResult(ticket is not null && _tickets.Remove(ticket, out var principal)
                ? AuthResult.Ok(principal)
                : AuthResult.Fail<PrincipalId>(MessageCode.EnrollmentTicketInvalid));
        }
    }

    private async ValueTask AddPrincipalsAsync()
    {
        var now = Time.GetUtcNow();
        var contract = new Contract
        {
            Id = Contract,
            LockoutMode = LockoutMode.Linked,
            State = ContractState.Active,
            RegistrationPinHash = "x",
            AdminEmail = AdminEmail,
            SecurityStamp = "s",
            CreatedAt = now,
        };
        var user = new User
        {
            ContractId = Contract,
            Id = Taro,
            NameKana = "タロウ",
            LoginPinHash = "x",
            ConfirmationPinHash = "x",
            IssueCertificate = true,
            Email = TaroEmail,
            State = UserState.Active,
            SecurityStamp = "s",
            CreatedAt = now,
        };
        Assert.Equal(CommitOutcome.Committed, await AuthStore.CommitAsync(new AuthChanges().Put(contract).Put(user), CancellationToken.None));
    }
}

/// <summary>Client key pairs and their PKCS#10 requests, made once per process (RSA generation is slow).</summary>
internal static class TestKeys
{
    private static readonly Lazy<ECDsa> P256Key = new(() => ECDsa.Create(ECCurve.NamedCurves.nistP256));
    private static readonly Lazy<RSA> Rsa2048Key = new(() => RSA.Create(2048));

    public static ECDsa P256 => P256Key.Value;

    public static RSA Rsa2048 => Rsa2048Key.Value;

    /// <summary>A request whose subject and extensions try to get more than they should.</summary>
    public static byte[] Request(AsymmetricAlgorithm key, string subject = "CN=99999999999 1286, O=Evil Corp")
    {
        var request = key switch
        {
            ECDsa ec => new CertificateRequest(subject, ec, HashAlgorithmName.SHA256),
            RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            _ => throw new ArgumentException("unsupported", nameof(key)),
        };
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return request.CreateSigningRequest();
    }

    public static byte[] NewP256Request()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Request(key);
    }
}
