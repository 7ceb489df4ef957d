using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using BizWeb.Auth;
using BizWeb.Certificates;

namespace BizWeb.Benchmarks;

/// <summary>The subject key of a client certificate request.</summary>
public enum SubjectKey
{
    /// <summary>ECDSA P-256 (what the cert tool makes by default).</summary>
    P256,

    /// <summary>RSA 2048, e = 65537.</summary>
    Rsa2048,
}

/// <summary>
/// Client certificate issuance from a PKCS#10 request (issue 10: ≤ 1.2× the .NET path), by the same
/// P-256 CA key. Ours: <see cref="CertificateRequestPolicy.Judge"/> (parse, key policy,
/// proof-of-possession signature checked by .NET's <c>LoadSigningRequest</c>) +
/// <see cref="ClientCertificateBuilder.Build"/> (BouncyCastle TBSCertificate over the request's
/// SubjectPublicKeyInfo as is, signed through the SDK's signer seam by the .NET CA key). Baseline: .NET's
/// <see cref="CertificateRequest"/> path for the same request: <c>LoadSigningRequest</c> (which checks
/// the request's signature), a new request for the CA-decided subject over the same public key with
/// the same six extensions, and <c>Create(issuerName, X509SignatureGenerator.CreateForECDsa(caKey),
/// notBefore, notAfter, serial)</c> (the <c>Create(issuerCertificate, …)</c> overload refuses an RSA
/// subject key under an ECDSA issuer; for a P-256 subject both overloads do the same work).
/// The parts run alone too (category "parts", left out of the quick set), to show where the time
/// goes. The keys, requests and CA are made once.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("certificates")]
public class CertificateIssuanceBenchmarks
{
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");
    private CertificateAuthorityFixture _ca = null!;
    private X509SignatureGenerator _caSigner = null!;
    private IssuingAuthority.Loaded _loaded = null!;
    private AsymmetricAlgorithm _subjectKey = null!;
    private byte[] _csr = [];
    private PublicKey _publicKey = null!;
    private byte[] _spki = [];
    private CertificateRequestPolicy.Judgement _judgement;
    private CertificateAuthorityOptions _options = null!;
    private CertificateCommonName _commonName;
    private X500DistinguishedName _netSubject = null!;
    private X509Extension _crlDistributionPoint = null!;
    private X509Extension _authorityKeyIdentifier = null!;
    private DateTimeOffset _notBefore;
    private DateTimeOffset _notAfter;

    [Params(SubjectKey.P256, SubjectKey.Rsa2048)]
    public SubjectKey Key { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ca = CertificateAuthorityFixture.Create();
        _caSigner = X509SignatureGenerator.CreateForECDsa((ECDsa)_ca.Key);
        using (var authority = new IssuingAuthority(_ca))
        {
            _loaded = authority.GetAsync(default).AsTask().GetAwaiter().GetResult();
        }

        _subjectKey = Key == SubjectKey.P256 ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : RSA.Create(2048);
        _csr = CertificateAuthorityFixture.Request(_subjectKey);
        _spki = _subjectKey.ExportSubjectPublicKeyInfo();
        _publicKey = PublicKey.CreateFromSubjectPublicKeyInfo(_spki, out _);
        _judgement = CertificateRequestPolicy.Judge(_csr);
        if (!_judgement.Accepted)
        {
            throw new InvalidOperationException($"The request was refused: {_judgement.Refusal}");
        }

        _options = new CertificateAuthorityOptions
        {
            Organization = CertificateAuthorityFixture.Organization,
            OrganizationalUnit = CertificateAuthorityFixture.OrganizationalUnit,
            CrlDistributionPoint = CertificateAuthorityFixture.CrlDistributionPoint,
        };
        var bank = BankCode.Parse("1286").Value;
        _commonName = CertificateCommonName.ForUser(ContractId.Parse("12345678901").Value, UserId.Parse("taro01").Value, bank);
        _netSubject = AuthorityCertificates.Name(_commonName.ToString(), _options.Organization, _options.OrganizationalUnit, _options.Country);
        _crlDistributionPoint = System.Security.Cryptography.X509Certificates.CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([_options.CrlDistributionPoint!.AbsoluteUri]);
        _authorityKeyIdentifier = X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_ca.Certificate, true, false);
        var now = TimeProvider.System.GetUtcNow();
        _notBefore = now.AddMinutes(-5);
        _notAfter = now.AddDays(365);

        // Both paths must produce the same certificate shape; check once rather than trust.
        using var ours = X509CertificateLoader.LoadCertificate(Ours());
        using var theirs = X509CertificateLoader.LoadCertificate(NetCertificateRequest());
        if (ours.Subject != theirs.Subject || ours.Extensions.Count != theirs.Extensions.Count || ours.Issuer != theirs.Issuer)
        {
            throw new InvalidOperationException($"The two paths differ: {ours.Subject} / {theirs.Subject}, {ours.Extensions.Count} / {theirs.Extensions.Count} extensions.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _subjectKey.Dispose();
        _ca.Dispose();
    }

    /// <summary>.NET: load and verify the request, then issue the certificate.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("quick")]
    public byte[] NetCertificateRequest()
    {
        var loaded = CertificateRequest.LoadSigningRequest(_csr, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default, RSASignaturePadding.Pkcs1);
        return NetCreate(loaded.PublicKey);
    }

    /// <summary>.NET's Create alone (no request parsing or proof-of-possession check).</summary>
    [Benchmark]
    [BenchmarkCategory("parts")]
    public byte[] NetCreateOnly() => NetCreate(_publicKey);

    /// <summary>Ours: judge the request, decide the subject, build and sign.</summary>
    [Benchmark]
    [BenchmarkCategory("quick")]
    public byte[] Ours()
    {
        var judgement = CertificateRequestPolicy.Judge(_csr);
        var subject = ClientCertificateBuilder.Subject(_commonName, _options);
        return ClientCertificateBuilder.Build(_loaded, judgement.PublicKey!, judgement.IsRsa, subject, SerialNumbers.New(), _notBefore, _notAfter, _options.CrlDistributionPoint!);
    }

    /// <summary>Ours, the request check alone.</summary>
    [Benchmark]
    [BenchmarkCategory("parts")]
    public bool OursJudgeOnly() => CertificateRequestPolicy.Judge(_csr).Accepted;

    /// <summary>
    /// BouncyCastle's public key object from the request's SubjectPublicKeyInfo alone (what the
    /// request check made before issue 15; it makes none now): for RSA its constructor validates the
    /// modulus with a Miller-Rabin test.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory("parts")]
    public object OursSubjectKeyOnly() => Org.BouncyCastle.Security.PublicKeyFactory.CreateKey(_spki);

    /// <summary>Ours, build and sign alone.</summary>
    [Benchmark]
    [BenchmarkCategory("parts")]
    public byte[] OursBuildOnly() =>
        ClientCertificateBuilder.Build(_loaded, _judgement.PublicKey!, _judgement.IsRsa, ClientCertificateBuilder.Subject(_commonName, _options), SerialNumbers.New(), _notBefore, _notAfter, _options.CrlDistributionPoint!);

    private byte[] NetCreate(PublicKey publicKey)
    {
        var request = new CertificateRequest(_netSubject, publicKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(_judgement.IsRsa ? X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment : X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ClientAuth], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(publicKey, false));
        request.CertificateExtensions.Add(_authorityKeyIdentifier);
        request.CertificateExtensions.Add(_crlDistributionPoint);
        using var certificate = request.Create(_ca.Certificate.SubjectName, _caSigner, _notBefore, _notAfter, SerialNumbers.New());
        return certificate.RawData;
    }
}
