using BizWeb.Auth;

namespace BizWeb.QuickStart;

/// <summary>
/// The bank's core system behind the SDK's <see cref="ITransferExecutor"/> seam. This stand-in books
/// nothing and moves no money: it accepts every authorised transfer with a reference made from the
/// transfer's id (so a retried execution answers the same reference), which lets the quick start run
/// end to end. A bank calls its core-banking system here, idempotently by <see cref="Transfer.Id"/>.
/// </summary>
internal sealed class CoreBanking : ITransferExecutor
{
    public ValueTask<TransferExecution> ExecuteAsync(Transfer transfer, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TransferExecution.Accept("QS" + transfer.Id.ToString("N")[..12].ToUpperInvariant()));

    public ValueTask<bool> CancelAsync(Transfer transfer, CancellationToken cancellationToken) => ValueTask.FromResult(true);
}
