using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using BizWeb.Auth;
using BizWeb.Certificates;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Benchmarks;

/// <summary>
/// What judging a PKCS#10 request costs the server (issue 15, finding 1): a request with a random
/// odd 16,384-bit RSA modulus and a garbage signature (the denial-of-service request; the bar is
/// under 50 ms), and a valid RSA-4096 request (the largest key accepted), against the bar "no
/// request of any size costs more than one RSA-4096 signature check": one .NET RSA-4096 PKCS#1
/// SHA-256 verification of the same request's signature. The two <c>Issue…</c> rows are the server
/// time of the whole <see cref="CertificateAuthority.IssueAsync"/> call on the 16,384-bit request
/// (in-memory stores, the refusal audited): with a live ticket (refused by the key's length; the
/// ticket stays usable, so every call is the same) and with an unknown one (refused before the
/// request is read).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("certificates")]
public class CertificateRequestCostBenchmarks
{
    private const string LiveTicket = "live-ticket";
    private RSA _rsa4096 = null!;
    private byte[] _request4096 = [];
    private byte[] _tbs4096 = [];
    private byte[] _signature4096 = [];
    private byte[] _garbage16384 = [];
    private ServiceProvider _services = null!;
    private IServiceScope _scope = null!;
    private CertificateAuthority _ca = null!;
    private CertificateAuthorityFixture _keys = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rsa4096 = RSA.Create(4096);
        _request4096 = CertificateAuthorityFixture.Request(_rsa4096);
        (_tbs4096, _signature4096) = SignedParts(_request4096);
        _garbage16384 = GarbageRsaRequest(16_384);
        _keys = CertificateAuthorityFixture.Create();
        var principal = PrincipalId.User(ContractId.Parse("12345678901").Value, UserId.Parse("taro01").Value);
        var services = new ServiceCollection();
        services.AddSingleton<ICertificateAuthorityKeyProvider>(_keys);
        services.AddScoped<EnrollmentTicketFinder>(_ => (ticket, _) => ValueTask.FromResult(ticket == LiveTicket ? AuthResult.Ok(principal) : AuthResult.Fail<PrincipalId>(MessageCode.EnrollmentTicketInvalid)));
        services.AddScoped<EnrollmentTicketRedeemer>(_ => (_, _) => throw new InvalidOperationException("A refused request never redeems."));
        services.AddBizWeb().AddCertificateAuthority(o => o.CrlDistributionPoint = CertificateAuthorityFixture.CrlDistributionPoint);
        _services = services.BuildServiceProvider();
        _scope = _services.CreateScope();
        _ca = _scope.ServiceProvider.GetRequiredService<CertificateAuthority>();
        if (IssueRsa16384GarbageWithLiveTicket() != MessageCode.CertificateRequestRsaKeySizeNotAllowed || IssueRsa16384GarbageWithUnknownTicket() != MessageCode.EnrollmentTicketInvalid)
        {
            throw new InvalidOperationException("The CA does not answer as expected.");
        }
        if (!CertificateRequestPolicy.Judge(_request4096).Accepted || CertificateRequestPolicy.Judge(_garbage16384).Accepted)
        {
            throw new InvalidOperationException("The requests are not judged as expected.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.Dispose();
        _services.Dispose();
        _keys.Dispose();
        _rsa4096.Dispose();
    }

    /// <summary>One RSA-4096 signature check by .NET (the bar).</summary>
    [Benchmark(Baseline = true)]
    public bool Rsa4096SignatureCheck() => _rsa4096.VerifyData(_tbs4096, _signature4096, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>The key policy on the 16,384-bit garbage request (refused).</summary>
    [Benchmark]
    public bool JudgeRsa16384Garbage() => CertificateRequestPolicy.Judge(_garbage16384).Accepted;

    /// <summary>The key policy on a valid RSA-4096 request (accepted: the most a request may cost).</summary>
    [Benchmark]
    public bool JudgeRsa4096() => CertificateRequestPolicy.Judge(_request4096).Accepted;

    /// <summary>The CA's whole answer to the 16,384-bit garbage request with a live ticket (refused by the key's length).</summary>
    [Benchmark]
    public MessageCode? IssueRsa16384GarbageWithLiveTicket() => _ca.IssueAsync(LiveTicket, _garbage16384, AuditActor.Anonymous("203.0.113.5")).AsTask().GetAwaiter().GetResult().ErrorCode;

    /// <summary>The CA's whole answer to the 16,384-bit garbage request with an unknown ticket (refused before the request is read).</summary>
    [Benchmark]
    public MessageCode? IssueRsa16384GarbageWithUnknownTicket() => _ca.IssueAsync("AAAA", _garbage16384, AuditActor.Anonymous("203.0.113.5")).AsTask().GetAwaiter().GetResult().ErrorCode;

    /// <summary>
    /// A PKCS#10 request for a random odd <paramref name="bits"/>-bit RSA modulus (e = 65537, top bit
    /// set) with a random "signature": well-formed DER that no key signed.
    /// </summary>
    public static byte[] GarbageRsaRequest(int bits)
    {
        var modulus = RandomOddModulus(bits);
        var key = new AsnWriter(AsnEncodingRules.DER);
        using (key.PushSequence())
        {
            key.WriteIntegerUnsigned(modulus);
            key.WriteInteger(65537);
        }

        var spki = new AsnWriter(AsnEncodingRules.DER);
        using (spki.PushSequence())
        {
            using (spki.PushSequence())
            {
                spki.WriteObjectIdentifier("1.2.840.113549.1.1.1");
                spki.WriteNull();
            }

            spki.WriteBitString(key.Encode());
        }

        var csr = new AsnWriter(AsnEncodingRules.DER);
        using (csr.PushSequence())
        {
            using (csr.PushSequence())
            {
                csr.WriteInteger(0);
                csr.WriteEncodedValue(new X500DistinguishedName("CN=12345678901taro011286").RawData);
                csr.WriteEncodedValue(spki.Encode());
                using (csr.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                }
            }

            using (csr.PushSequence())
            {
                csr.WriteObjectIdentifier("1.2.840.113549.1.1.11"); // sha256WithRSAEncryption
                csr.WriteNull();
            }

            csr.WriteBitString(RandomNumberGenerator.GetBytes(modulus.Length));
        }

        return csr.Encode();
    }

    /// <summary>
    /// A random odd number of exactly <paramref name="bits"/> bits without a prime factor below 1,000,
    /// so it passes BouncyCastle's small-primes check and reaches its Miller–Rabin round (the
    /// expensive path; about one in six random odd numbers does).
    /// </summary>
    public static byte[] RandomOddModulus(int bits)
    {
        var topBits = bits % 8 == 0 ? 8 : bits % 8;
        while (true)
        {
            var modulus = RandomNumberGenerator.GetBytes((bits + 7) / 8);
            modulus[0] &= (byte)((1 << topBits) - 1);
            modulus[0] |= (byte)(1 << (topBits - 1));
            modulus[^1] |= 1;
            var value = new System.Numerics.BigInteger(modulus, isUnsigned: true, isBigEndian: true);
            var smallFactor = false;
            for (var p = 3; p < 1000 && !smallFactor; p += 2)
            {
                smallFactor = value % p == 0;
            }

            if (!smallFactor)
            {
                return modulus;
            }
        }
    }

    /// <summary>The request's signed part (CertificationRequestInfo) and its signature.</summary>
    private static (byte[] Tbs, byte[] Signature) SignedParts(byte[] request)
    {
        var outer = new AsnReader(request, AsnEncodingRules.DER).ReadSequence();
        var tbs = outer.ReadEncodedValue().ToArray();
        outer.ReadSequence();
        return (tbs, outer.ReadBitString(out _));
    }
}
