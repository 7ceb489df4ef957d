using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using BizWeb.Auth;
using BizWeb.Certificates;
using Microsoft.Extensions.DependencyInjection;
using Org.BouncyCastle.Asn1.X509;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace BizWeb.Benchmarks;

/// <summary>
/// Certificate sign-in mapping (証明書選択; issue 10: ≤ 1.5× one signature verification): the
/// certificate the SDK's CA issued, presented at sign-in, mapped to its principal through the
/// in-memory certificate, contract and user stores. Baseline: one ECDSA P-256 signature
/// verification of that certificate by the CA public key (.NET, the TBSCertificate and signature
/// cut out once in setup). Also BouncyCastle's parse + verify alone: the primitive the mapping uses.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("quick", "certificates")]
public class CertificateSignInBenchmarks
{
    private CertificateAuthorityFixture _ca = null!;
    private ServiceProvider _services = null!;
    private IServiceScope _scope = null!;
    private ClientCertificateAuthenticator _authenticator = null!;
    private IssuingAuthority.Loaded _loaded = null!;
    private ECDsa _caPublicKey = null!;
    private X509Certificate2 _certificate = null!;
    private byte[] _der = [];
    private byte[] _tbs = [];
    private byte[] _signature = [];
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        var contract = ContractId.Parse("12345678901").Value;
        var user = UserId.Parse("taro01").Value;
        var principal = PrincipalId.User(contract, user);
        _ca = CertificateAuthorityFixture.Create();
        var services = new ServiceCollection();
        services.AddSingleton<ICertificateAuthorityKeyProvider>(_ca);
        services.AddScoped<EnrollmentTicketRedeemer>(_ => (_, _) => ValueTask.FromResult(AuthResult.Ok(principal)));
        services.AddBizWeb().AddCertificateAuthority(o =>
        {
            o.CrlDistributionPoint = CertificateAuthorityFixture.CrlDistributionPoint;
            o.Organization = CertificateAuthorityFixture.Organization;
            o.OrganizationalUnit = CertificateAuthorityFixture.OrganizationalUnit;
        });
        _services = services.BuildServiceProvider();
        _scope = _services.CreateScope();
        var now = TimeProvider.System.GetUtcNow();
        Wait(_services.GetRequiredService<InMemoryAuthStore>().CommitAsync(
            new AuthChanges()
                .Put(new Contract { Id = contract, LockoutMode = LockoutMode.Linked, State = ContractState.Active, RegistrationPinHash = "x", SecurityStamp = "s", CreatedAt = now })
                .Put(new User { ContractId = contract, Id = user, NameKana = "タロウ", LoginPinHash = "x", ConfirmationPinHash = "x", IssueCertificate = true, State = UserState.Active, SecurityStamp = "s", CreatedAt = now }),
            default).AsTask());

        using var subjectKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var issued = _scope.ServiceProvider.GetRequiredService<CertificateAuthority>()
            .IssueAsync("ticket", CertificateAuthorityFixture.Request(subjectKey), AuditActor.Anonymous()).AsTask().GetAwaiter().GetResult();
        if (!issued.Succeeded)
        {
            throw new InvalidOperationException(issued.ToString());
        }

        _der = issued.Value.RawData;
        _certificate = X509CertificateLoader.LoadCertificate(_der);
        _authenticator = _scope.ServiceProvider.GetRequiredService<ClientCertificateAuthenticator>();
        _loaded = _services.GetRequiredService<IssuingAuthority>().GetAsync(default).AsTask().GetAwaiter().GetResult();
        _caPublicKey = _ca.Certificate.GetECDsaPublicKey()!;
        (_tbs, _signature) = Split(_der);
        _now = now.AddMinutes(1);
        if (!Baseline() || !BouncyCastleParseAndVerify() || Wait(_authenticator.MapAsync(_der, _now, default).AsTask()).Refusal != CertificateRefusal.None)
        {
            throw new InvalidOperationException("The issued certificate does not verify or map.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _certificate.Dispose();
        _caPublicKey.Dispose();
        _scope.Dispose();
        _services.Dispose();
        _ca.Dispose();
    }

    /// <summary>One ECDSA P-256/SHA-256 verification of the certificate's signature by the CA public key (.NET).</summary>
    [Benchmark(Baseline = true)]
    public bool Baseline() => _caPublicKey.VerifyData(_tbs, _signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <summary>BouncyCastle: parse the DER and verify the signature by the CA key (what the mapping does first).</summary>
    [Benchmark]
    public bool BouncyCastleParseAndVerify() => new BcCertificate(X509CertificateStructure.GetInstance(_der)).IsSignatureValid(_loaded.PublicKey);

    /// <summary>The whole mapping: parse, issuer and signature, CN, validity, usage, store lookups, principal exists.</summary>
    [Benchmark]
    public bool MapAsync() => Wait(_authenticator.MapAsync(_der, _now, default).AsTask()).Refusal == CertificateRefusal.None;

    /// <summary>The seam the sign-in flows call (<see cref="IClientCertificateAuthenticator.AuthenticateAsync"/>), from an <see cref="X509Certificate2"/>.</summary>
    [Benchmark]
    public bool AuthenticateAsync() => Wait(_authenticator.AuthenticateAsync(_certificate, _now, default).AsTask()) is not null;

    private static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();

    /// <summary>Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }.</summary>
    private static (byte[] Tbs, byte[] Signature) Split(byte[] der)
    {
        var certificate = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var tbs = certificate.ReadEncodedValue().ToArray();
        certificate.ReadEncodedValue();
        var signature = certificate.ReadBitString(out _);
        return (tbs, signature);
    }
}
