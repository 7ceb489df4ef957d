namespace BizWeb.Auth;

/// <summary>
/// Parameters for new PIN hashes. The defaults are OWASP's (Password Storage Cheat Sheet):
/// Argon2id with m = 19 MiB, t = 2, p = 1; PBKDF2-HMAC-SHA256 with 600,000 iterations.
/// Raising a value makes existing hashes answer <see cref="PinVerificationResult.SucceededRehashNeeded"/>.
/// </summary>
public sealed class PinHashingOptions
{
    /// <summary>The algorithm of new hashes; <see cref="PinHashAlgorithm.Argon2id"/> by default.</summary>
    public PinHashAlgorithm Algorithm { get; set; } = PinHashAlgorithm.Argon2id;

    /// <summary>Argon2id memory in KiB (19,456 = 19 MiB by default).</summary>
    public int Argon2MemoryKiB { get; set; } = 19_456;

    /// <summary>Argon2id passes over memory (2 by default).</summary>
    public int Argon2Iterations { get; set; } = 2;

    /// <summary>Argon2id lanes (1 by default).</summary>
    public int Argon2Parallelism { get; set; } = 1;

    /// <summary>PBKDF2-HMAC-SHA256 iterations (600,000 by default).</summary>
    public int Pbkdf2Iterations { get; set; } = 600_000;

    /// <summary>Every problem with these options, empty when they are valid.</summary>
    internal IEnumerable<string> Validate(string prefix)
    {
        if (!Enum.IsDefined(Algorithm))
        {
            yield return $"{prefix}:Algorithm must be Argon2id or Pbkdf2Sha256.";
        }

        if (Argon2Parallelism is < 1 or > PinHashParameters.MaxParallelism)
        {
            yield return $"{prefix}:Argon2Parallelism must be between 1 and {PinHashParameters.MaxParallelism} (was {Argon2Parallelism}).";
        }

        if (Argon2MemoryKiB < 8 * Math.Max(1, Argon2Parallelism) || Argon2MemoryKiB > PinHashParameters.MaxMemoryKiB)
        {
            yield return $"{prefix}:Argon2MemoryKiB must be between 8 x Argon2Parallelism and {PinHashParameters.MaxMemoryKiB} (was {Argon2MemoryKiB}).";
        }

        if (Argon2Iterations is < 1 or > PinHashParameters.MaxArgon2Iterations)
        {
            yield return $"{prefix}:Argon2Iterations must be between 1 and {PinHashParameters.MaxArgon2Iterations} (was {Argon2Iterations}).";
        }

        if (Pbkdf2Iterations is < 1 or > PinHashParameters.MaxPbkdf2Iterations)
        {
            yield return $"{prefix}:Pbkdf2Iterations must be between 1 and {PinHashParameters.MaxPbkdf2Iterations} (was {Pbkdf2Iterations}).";
        }
    }
}
