namespace BizWeb.Auth;

/// <summary>The core system's answer to <see cref="ITransferExecutor.ExecuteAsync"/>.</summary>
/// <param name="Accepted">Whether the core system accepted the transfer.</param>
/// <param name="Reference">Its reference when accepted (shown on 利用者9-2).</param>
public sealed record TransferExecution(bool Accepted, string? Reference)
{
    /// <summary>Accepted, with the core system's reference.</summary>
    /// <param name="reference">The reference.</param>
    /// <returns>The answer.</returns>
    public static TransferExecution Accept(string reference)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        return new(true, reference);
    }

    /// <summary>Refused (e.g. insufficient funds, a closed account).</summary>
    public static TransferExecution Refused { get; } = new(false, null);
}
