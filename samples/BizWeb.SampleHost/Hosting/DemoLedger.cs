using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using BizWeb.Auth;

namespace BizWeb.SampleHost.Hosting;

/// <summary>
/// DEMO ONLY — the sample's stand-in for the bank's core system behind the SDK's
/// <see cref="ITransferExecutor"/> seam. It moves no money: it records each authorised transfer in
/// this process's memory and answers a reference (<c>DEMO-…</c>). A bank implements the seam against
/// its core banking system, which also checks the debit account and the balance.
/// </summary>
internal sealed class DemoLedger : ITransferExecutor
{
    private readonly ConcurrentDictionary<Guid, string> _entries = new();

    public ValueTask<TransferExecution> ExecuteAsync(Transfer transfer, CancellationToken cancellationToken)
    {
        var reference = _entries.GetOrAdd(transfer.Id, _ =>
            "DEMO-" + RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture));
        return ValueTask.FromResult(TransferExecution.Accept(reference));
    }

    public ValueTask<bool> CancelAsync(Transfer transfer, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_entries.TryRemove(transfer.Id, out _) || transfer.ExecutionReference is not null);
}
