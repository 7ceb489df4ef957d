namespace BizWeb.Auth;

/// <summary>The one place that holds the transfer's transitions (<see cref="Transfers"/> goes through it).</summary>
/// <remarks>
/// <code>
/// Drafted ──Reviewed──▶ Reviewed ──Confirmed──▶ Executing ──Authorised──▶ Authorised ──Cancelled──▶ Cancelled
///                      (Reviewed again)  │              │  └───Failed───▶ Failed
///                                        └──Refused──▶ Refused ◀──Refused──┘
/// </code>
/// A transfer starts as <see cref="TransferState.Drafted"/>; <see cref="TransferState.Refused"/>,
/// <see cref="TransferState.Failed"/> and <see cref="TransferState.Cancelled"/> are final.
/// </remarks>
public static class TransferLifecycle
{
    /// <summary>The state <paramref name="trigger"/> leads to from <paramref name="state"/>, if the transition exists.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="trigger">What happened.</param>
    /// <param name="next">The next state when the transition exists.</param>
    /// <returns>Whether the transition is allowed.</returns>
    public static bool TryNext(TransferState state, TransferTrigger trigger, out TransferState next)
    {
        next = (state, trigger) switch
        {
            (TransferState.Drafted or TransferState.Reviewed, TransferTrigger.Reviewed) => TransferState.Reviewed,
            (TransferState.Reviewed, TransferTrigger.Confirmed) => TransferState.Executing,
            (TransferState.Reviewed or TransferState.Executing, TransferTrigger.Refused) => TransferState.Refused,
            (TransferState.Executing, TransferTrigger.Authorised) => TransferState.Authorised,
            (TransferState.Executing, TransferTrigger.Failed) => TransferState.Failed,
            (TransferState.Authorised, TransferTrigger.Cancelled) => TransferState.Cancelled,
            _ => (TransferState)(-1),
        };
        return next >= 0;
    }

    /// <summary>The state <paramref name="trigger"/> leads to from a state the caller has checked already.</summary>
    /// <exception cref="InvalidOperationException">The transition does not exist (a bug: the caller's check was wrong).</exception>
    internal static TransferState Next(TransferState state, TransferTrigger trigger) =>
        TryNext(state, trigger, out var next) ? next : throw new InvalidOperationException($"A transfer cannot go from {state} on {trigger}.");
}
