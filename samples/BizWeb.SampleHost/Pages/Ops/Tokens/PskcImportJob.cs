using System.Security.Cryptography;
using BizWeb.Auth;
using BizWeb.Tokens;

namespace BizWeb.SampleHost.Pages.Ops.Tokens;

/// <summary>
/// One console PSKC import running beside the request that started it, so the page can show its progress:
/// first the SDK's preview of the file (<see cref="HardwareTokenInventory.PreviewPskcAsync"/>), then the import
/// (<see cref="HardwareTokenInventory.ImportPskcAsync(Stream, PskcDecryptionKey, BankOperator, PskcImportPolicy, IProgress{int}?, CancellationToken)"/>),
/// each reporting the key packages read through <see cref="IProgress{T}"/>. It runs in a DI scope of its own
/// (the request's is gone by then); the uploaded file stays in memory only while it runs and is zeroed at the
/// end (it holds the encrypted seeds), and the decryption key is dropped with the job's reference.
/// </summary>
public sealed class PskcImportJob
{
    private int _phase;
    private int _read;
    private byte[]? _file;
    private PskcDecryptionKey? _key;

    private PskcImportJob(string operatorId, byte[] file, PskcDecryptionKey key, DateTimeOffset startedAt)
    {
        OperatorId = operatorId;
        _file = file;
        _key = key;
        StartedAt = startedAt;
    }

    /// <summary>The job's id, in the page's address (random: it names no operator or file).</summary>
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>The operator who started it; only that operator sees it.</summary>
    public string OperatorId { get; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>When it finished, or <see langword="null"/>.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Where it is.</summary>
    public PskcImportPhase Phase => (PskcImportPhase)Volatile.Read(ref _phase);

    /// <summary>The key packages read so far in the current phase (the SDK reports every 100, and at the end).</summary>
    public int Read => Volatile.Read(ref _read);

    /// <summary>The key packages the preview read, kept for the import's progress ("n of total").</summary>
    public int Total { get; private set; }

    /// <summary>The preview, once read.</summary>
    public PskcPreview? Preview { get; private set; }

    /// <summary>The import's result, once done (none when the preview found a problem of the file).</summary>
    public PskcImportResult? Result { get; private set; }

    /// <summary>What stopped the job other than an answer of the SDK (an infrastructure fault), or <see langword="null"/>.</summary>
    public string? Fault { get; private set; }

    /// <summary>Starts the preview and then the import in a scope of <paramref name="scopes"/>.</summary>
    public static PskcImportJob Start(string operatorId, BankOperator bankOperator, byte[] file, PskcDecryptionKey key, PskcImportPolicy policy, IServiceScopeFactory scopes, TimeProvider time, ILogger logger)
    {
        var job = new PskcImportJob(operatorId, file, key, time.GetUtcNow());
        _ = Task.Run(() => job.RunAsync(bankOperator, policy, scopes, time, logger));
        return job;
    }

    private async Task RunAsync(BankOperator bankOperator, PskcImportPolicy policy, IServiceScopeFactory scopes, TimeProvider time, ILogger logger)
    {
        var file = _file!;
        var key = _key!;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var inventory = scope.ServiceProvider.GetRequiredService<HardwareTokenInventory>();
            var progress = new Reporter(this);
            using (var stream = new MemoryStream(file, writable: false))
            {
                Preview = await inventory.PreviewPskcAsync(stream, key, bankOperator, progress).ConfigureAwait(false);
            }

            Total = Preview.KeyPackages.Count;
            if (!Preview.Succeeded)
            {
                return;
            }

            Volatile.Write(ref _read, 0);
            Volatile.Write(ref _phase, (int)PskcImportPhase.Importing);
            using (var stream = new MemoryStream(file, writable: false))
            {
                Result = await inventory.ImportPskcAsync(stream, key, bankOperator, policy, progress).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // The job must end with a state the page can show, whatever the infrastructure threw.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // The type only: an exception message may quote input, and nothing of the file belongs in a log.
            Fault = e.GetType().Name;
            PskcImportLog.Failed(logger, Id, e.GetType().Name);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(file);
            _file = null;
            _key = null;
            FinishedAt = time.GetUtcNow();
            Volatile.Write(ref _phase, (int)PskcImportPhase.Done);
        }
    }

    /// <summary>The SDK's progress, kept as the job's count (reported on the SDK's thread).</summary>
    private sealed class Reporter(PskcImportJob job) : IProgress<int>
    {
        public void Report(int value) => Volatile.Write(ref job._read, value);
    }
}
