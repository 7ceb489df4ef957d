using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;

namespace BizWeb.Auth;

/// <summary>
/// A key-derivation function with its cost parameters, as written in a PHC string, and the one
/// call that runs it. The upper bounds keep a tampered stored hash from exhausting the server.
/// </summary>
internal sealed record PinHashParameters(PinHashAlgorithm Algorithm, int Iterations, int MemoryKiB, int Parallelism)
{
    public const int MaxMemoryKiB = 1024 * 1024;
    public const int MaxParallelism = 16;
    public const int MaxArgon2Iterations = 100;
    public const int MaxPbkdf2Iterations = 10_000_000;

    public static PinHashParameters FromOptions(PinHashingOptions options) => options.Algorithm switch
    {
        PinHashAlgorithm.Argon2id => new(PinHashAlgorithm.Argon2id, options.Argon2Iterations, options.Argon2MemoryKiB, options.Argon2Parallelism),
        _ => new(PinHashAlgorithm.Pbkdf2Sha256, options.Pbkdf2Iterations, 0, 0),
    };

    /// <summary>
    /// True when a hash made with these parameters is weaker than one made with
    /// <paramref name="configured"/>: another algorithm, or any cost below the configured one.
    /// </summary>
    public bool IsWeakerThan(PinHashParameters configured) =>
        Algorithm != configured.Algorithm
        || Iterations < configured.Iterations
        || MemoryKiB < configured.MemoryKiB
        || Parallelism < configured.Parallelism;

    /// <summary>Derives <paramref name="output"/>.Length bytes from the PIN and salt.</summary>
    public void Derive(byte[] pin, byte[] salt, byte[] output)
    {
        if (Algorithm == PinHashAlgorithm.Pbkdf2Sha256)
        {
            Rfc2898DeriveBytes.Pbkdf2(pin, salt, output, Iterations, HashAlgorithmName.SHA256);
            return;
        }

        var parameters = new Argon2Parameters.Builder(Argon2Parameters.Argon2id)
            .WithVersion(Argon2Parameters.Version13)
            .WithIterations(Iterations)
            .WithMemoryAsKB(MemoryKiB)
            .WithParallelism(Parallelism)
            .WithSalt(salt)
            .Build();
        try
        {
            var generator = new Argon2BytesGenerator();
            generator.Init(parameters);
            generator.GenerateBytes(pin, output);
        }
        finally
        {
            parameters.Clear();
        }
    }
}
