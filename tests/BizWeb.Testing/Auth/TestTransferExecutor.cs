using System.Collections.Concurrent;
using BizWeb.Auth;

namespace BizWeb.Testing.Auth;

/// <summary>An in-test core system: accepts every transfer (unless <see cref="Refuse"/>), counting executions per transfer.</summary>
public sealed class TestTransferExecutor : ITransferExecutor
{
    private int _sequence;

    /// <summary>Executions per transfer id (more than one would be a double booking).</summary>
    public ConcurrentDictionary<Guid, int> Executions { get; } = new();

    /// <summary>Cancelled transfers.</summary>
    public ConcurrentDictionary<Guid, bool> Cancelled { get; } = new();

    /// <summary>When set, every transfer is refused.</summary>
    public bool Refuse { get; set; }

    /// <inheritdoc />
    public ValueTask<TransferExecution> ExecuteAsync(Transfer transfer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        if (Refuse)
        {
            return ValueTask.FromResult(TransferExecution.Refused);
        }

        Executions.AddOrUpdate(transfer.Id, 1, (_, n) => n + 1);
        return ValueTask.FromResult(TransferExecution.Accept($"T{Interlocked.Increment(ref _sequence):D8}"));
    }

    /// <inheritdoc />
    public ValueTask<bool> CancelAsync(Transfer transfer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        return ValueTask.FromResult(Cancelled.TryAdd(transfer.Id, true));
    }
}
