using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using BizWeb.Auth;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;

namespace BizWeb.Benchmarks;

/// <summary>
/// PIN verification against the raw KDF call with the same parameters (target ≤ 1.01×): the
/// PHC parsing, encoding and constant-time compare around the KDF must cost next to nothing.
/// Also the unknown-principal path, which must cost the same as a real verification.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("kdf")]
public class Argon2idVerifyBenchmarks
{
    private const string Pin = "Abc123xyz";
    private readonly PhcPinHasher _hasher = new(new PinHashingOptions());
    private string _stored = string.Empty;
    private byte[] _salt = [];

    [GlobalSetup]
    public void Setup()
    {
        _stored = _hasher.HashPin(Pin);
        _salt = Convert.FromBase64String(_stored.Split('$')[4] + "==");
    }

    [Benchmark(Baseline = true)]
    public byte[] RawArgon2id()
    {
        var parameters = new Argon2Parameters.Builder(Argon2Parameters.Argon2id)
            .WithVersion(Argon2Parameters.Version13).WithIterations(2).WithMemoryAsKB(19_456).WithParallelism(1)
            .WithSalt(_salt).Build();
        var generator = new Argon2BytesGenerator();
        generator.Init(parameters);
        var output = new byte[32];
        generator.GenerateBytes(Encoding.UTF8.GetBytes(Pin), output);
        return output;
    }

    [Benchmark]
    public PinVerificationResult VerifyPin() => _hasher.VerifyPin(Pin, _stored);

    [Benchmark]
    public PinVerificationResult VerifyPin_UnknownPrincipal() => _hasher.VerifyPin(Pin, null);
}

/// <summary>The PBKDF2-HMAC-SHA256 option (600,000 iterations) against the raw .NET call.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("kdf")]
public class Pbkdf2VerifyBenchmarks
{
    private const string Pin = "Abc123xyz";
    private readonly PhcPinHasher _hasher = new(new PinHashingOptions { Algorithm = PinHashAlgorithm.Pbkdf2Sha256 });
    private string _stored = string.Empty;
    private byte[] _salt = [];

    [GlobalSetup]
    public void Setup()
    {
        _stored = _hasher.HashPin(Pin);
        _salt = Convert.FromBase64String(_stored.Split('$')[3] + "==");
    }

    [Benchmark(Baseline = true)]
    public byte[] RawPbkdf2() =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Pin), _salt, 600_000, HashAlgorithmName.SHA256, 32);

    [Benchmark]
    public PinVerificationResult VerifyPin() => _hasher.VerifyPin(Pin, _stored);

    [Benchmark]
    public PinVerificationResult VerifyPin_UnknownPrincipal() => _hasher.VerifyPin(Pin, null);
}
