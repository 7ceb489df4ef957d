namespace BizWeb.Auth;

/// <summary>
/// The seam to the bank's core system, which moves the money. The SDK authorises and records; it
/// calls <see cref="ExecuteAsync"/> once per transfer, after the token confirmation and the atomic
/// reservation of the daily totals. Use <see cref="Transfer.Id"/> as the idempotency key toward the
/// core system. Refusals are results; an exception leaves the transfer
/// <see cref="TransferState.Executing"/> with its totals reserved, for operators to reconcile.
/// </summary>
public interface ITransferExecutor
{
    /// <summary>Hands an authorised transfer (immediate or scheduled for <see cref="TransferDetails.ExecutionDate"/>) to the core system.</summary>
    /// <param name="transfer">The transfer, in state <see cref="TransferState.Executing"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Accepted with the core system's reference, or refused.</returns>
    ValueTask<TransferExecution> ExecuteAsync(Transfer transfer, CancellationToken cancellationToken);

    /// <summary>Cancels a scheduled transfer that has not been executed (資金移動先予約取消).</summary>
    /// <param name="transfer">The transfer, <see cref="TransferState.Authorised"/>, with its <see cref="Transfer.ExecutionReference"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the core system cancelled it (<see langword="false"/> when it was executed already).</returns>
    ValueTask<bool> CancelAsync(Transfer transfer, CancellationToken cancellationToken);
}
