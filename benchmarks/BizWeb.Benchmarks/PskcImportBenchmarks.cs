using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BizWeb.Auth;
using BizWeb.Tokens;
using Microsoft.Extensions.Options;

namespace BizWeb.Benchmarks;

/// <summary>
/// PSKC import (RFC 6030) in each protection vendors ship (<see cref="PskcVariant"/>: plain, AES-128-CBC
/// with HMAC-SHA1 MACs, AES key wrap, PBKDF2, RSA-OAEP) at two file sizes (issues 10 and 20: linear in
/// file size, constant reader memory). Baseline: the streamed reader alone (XML, MAC check, decrypt; each
/// key package dropped at once), of the same file. Import: the whole
/// <see cref="HardwareTokenInventory.ImportPskcAsync"/> into a fresh in-memory store (each seed
/// re-encrypted with AES-GCM for storage, all tokens added in one atomic step, one audit record).
/// Time and allocation per token are the mean and the allocation divided by the case's token count;
/// the live-heap check (<c>dotnet run … -- pskc-memory</c>) shows what stays in memory.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("tokens", "pskc")]
public class PskcImportBenchmarks
{
    private static readonly BankOperator Operator = BenchmarkOperator.Create("op01");
    private static readonly InMemoryAuthStore Store = new();
    private readonly ISecretProtector _protector = new AesGcmSecretProtector(new Dictionary<byte, byte[]> { [1] = RandomNumberGenerator.GetBytes(32) }, 1);
    private byte[] _file = [];
    private PskcDecryptionKey _key = PskcDecryptionKey.None;

    /// <summary>The cases: each variant at 1,000 and 10,000 keys.</summary>
    public static IEnumerable<PskcCase> Cases => PskcCase.All;

    [ParamsSource(nameof(Cases))]
    public PskcCase Case { get; set; } = PskcCase.All[0];

    [GlobalSetup]
    public void Setup()
    {
        (_file, _key) = PskcWriter.Create(Case.Tokens, Case.Variant);
        var imported = Import();
        if (imported != Case.Tokens || ReadOnly() != Case.Tokens)
        {
            throw new InvalidOperationException($"Imported {imported} of {Case}.");
        }
    }

    /// <summary>The streamed reader alone: each key package is checked, decrypted, counted and zeroed.</summary>
    [Benchmark(Baseline = true)]
    public int ReadOnly() => ReadOnly(_file, _key, null);

    /// <summary>The whole import into a fresh in-memory inventory.</summary>
    [Benchmark]
    public int Import() => Import(_file, _key, _protector);

    internal static int ReadOnly(byte[] file, PskcDecryptionKey key, Action<int>? sample)
    {
        var count = 0;
        using var stream = new MemoryStream(file, writable: false);
        PskcReader.ReadAsync(stream, key, package =>
        {
            count++;
            CryptographicOperations.ZeroMemory(package.Seed);
            sample?.Invoke(count);
        }, default).GetAwaiter().GetResult();
        return count;
    }

    internal static int Import(byte[] file, PskcDecryptionKey key, ISecretProtector protector, IProgress<int>? progress = null)
    {
        var inventory = new HardwareTokenInventory(
            new InMemoryHardwareTokenStore(NullUnitOfWork.Instance), protector, Store, Store, NullUnitOfWork.Instance, Options.Create(new HardwareTokenOptions()), Options.Create(new BizWebOptions()), TimeProvider.System);
        using var stream = new MemoryStream(file, writable: false);
        var result = inventory.ImportPskcAsync(stream, key, Operator, progress).GetAwaiter().GetResult();
        return result.Succeeded ? result.ImportedCount : throw new InvalidOperationException(result.ToString());
    }

    /// <summary>The audit record of the import goes nowhere: the store under test is the token inventory.</summary>
    internal sealed class NullUnitOfWork : IAuthUnitOfWork
    {
        public static readonly NullUnitOfWork Instance = new();

        public ValueTask<CommitOutcome> CommitAsync(AuthChanges changes, CancellationToken cancellationToken) => ValueTask.FromResult(CommitOutcome.Committed);
    }
}

/// <summary>A PSKC file of <see cref="Tokens"/> keys protected as <see cref="Variant"/>.</summary>
/// <param name="Variant">The protection.</param>
/// <param name="Tokens">The number of key packages.</param>
public sealed record PskcCase(PskcVariant Variant, int Tokens)
{
    /// <summary>Every variant at 1,000 and 10,000 keys.</summary>
    public static IReadOnlyList<PskcCase> All { get; } =
        [.. Enum.GetValues<PskcVariant>().SelectMany(v => new[] { new PskcCase(v, 1_000), new PskcCase(v, 10_000) })];

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"{Variant} {Tokens}");
}

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/BizWeb.Benchmarks -- pskc-memory</c>: the live heap
/// (after a full collection) while a PSKC file is read and imported, sampled every 500 key
/// packages, for each <see cref="PskcVariant"/> at 1,000 / 10,000 / 50,000 tokens (RSA-OAEP at 1,000 /
/// 10,000: one RSA-2048 private-key operation per key). Constant for the reader; for the import, what
/// grows is the list of tokens held for the one atomic add at the end (all or nothing, by design).
/// </summary>
internal static class PskcMemoryCheck
{
    private static readonly int[] Sizes = [1_000, 10_000, 50_000];
    private static readonly int[] RsaSizes = [1_000, 10_000];

    public static void Run()
    {
        var protector = new AesGcmSecretProtector(new Dictionary<byte, byte[]> { [1] = RandomNumberGenerator.GetBytes(32) }, 1);
        Console.WriteLine("| variant | tokens | file | reader: peak live heap above start | import: peak live heap above start | import: live bytes per token |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (variant, tokens) in Enum.GetValues<PskcVariant>().SelectMany(v => (v == PskcVariant.RsaOaep ? RsaSizes : Sizes).Select(t => (v, t))))
        {
            var (file, key) = PskcWriter.Create(tokens, variant);
            PskcImportBenchmarks.ReadOnly(file, key, null); // warm up
            var start = GC.GetTotalMemory(forceFullCollection: true);
            long readerPeak = 0;
            PskcImportBenchmarks.ReadOnly(file, key, n =>
            {
                if (n % 500 == 0)
                {
                    readerPeak = Math.Max(readerPeak, GC.GetTotalMemory(forceFullCollection: true) - start);
                }
            });
            start = GC.GetTotalMemory(forceFullCollection: true);
            long importPeak = 0;
            PskcImportBenchmarks.Import(file, key, protector, new Sampler(n =>
            {
                if (n % 500 == 0)
                {
                    importPeak = Math.Max(importPeak, GC.GetTotalMemory(forceFullCollection: true) - start);
                }
            }));
            Console.WriteLine(FormattableString.Invariant($"| {variant} | {tokens:N0} | {file.Length / 1024.0 / 1024.0:F1} MiB | {readerPeak / 1024.0:N0} KiB | {importPeak / 1024.0:N0} KiB | {importPeak / (double)tokens:N0} B |"));
        }
    }

    private sealed class Sampler(Action<int> sample) : IProgress<int>
    {
        public void Report(int value) => sample(value);
    }
}
