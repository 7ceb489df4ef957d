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

    /// <summary>
    /// The most PIN evaluations (verifications, the dummy evaluation for unknown identifiers, and hashes of
    /// new PINs) that run at once in this process: <see cref="Environment.ProcessorCount"/> × 2 by default,
    /// 1–4096. Each Argon2id evaluation holds <see cref="Argon2MemoryKiB"/> of memory while it runs, so this
    /// bounds the memory a flood of sign-ins can take to about this number × the KDF's memory.
    /// </summary>
    public int MaxConcurrentEvaluations { get; set; } = Environment.ProcessorCount * 2;

    /// <summary>
    /// The most PIN evaluations that wait for a free place beyond <see cref="MaxConcurrentEvaluations"/>;
    /// a request beyond them is answered <see cref="MessageCode.ServiceBusy"/> at once, without a check and
    /// without counting an attempt. Null (the default) means 8 × <see cref="MaxConcurrentEvaluations"/>;
    /// 0–1,000,000.
    /// </summary>
    public int? MaxQueuedEvaluations { get; set; }

    /// <summary>
    /// How long a PIN evaluation waits for a free place before it is answered
    /// <see cref="MessageCode.ServiceBusy"/>: 10 seconds by default; null waits as long as the caller does.
    /// Between 1 millisecond and 5 minutes.
    /// </summary>
    public TimeSpan? MaxQueueWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The queue limit in force: <see cref="MaxQueuedEvaluations"/>, or 8 × <see cref="MaxConcurrentEvaluations"/>.</summary>
    internal int QueueLimit => MaxQueuedEvaluations ?? MaxConcurrentEvaluations * 8;

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

        if (MaxConcurrentEvaluations is < 1 or > 4096)
        {
            yield return $"{prefix}:MaxConcurrentEvaluations must be between 1 and 4096 (was {MaxConcurrentEvaluations}).";
        }

        if (MaxQueuedEvaluations is < 0 or > 1_000_000)
        {
            yield return $"{prefix}:MaxQueuedEvaluations must be between 0 and 1000000 (was {MaxQueuedEvaluations}).";
        }

        if (MaxQueueWait is { } wait && (wait < TimeSpan.FromMilliseconds(1) || wait > TimeSpan.FromMinutes(5)))
        {
            yield return $"{prefix}:MaxQueueWait must be between 00:00:00.001 and 00:05:00 (was {wait}).";
        }
    }
}
