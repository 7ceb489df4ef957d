namespace BizWeb.Auth;

/// <summary>The first step of a flow succeeded: the opaque handle for the next step.</summary>
/// <param name="Handle">The opaque handle; keep it out of URLs and logs.</param>
/// <param name="ExpiresAt">When the flow expires if no further step is taken.</param>
public sealed record FlowHandle(string Handle, DateTimeOffset ExpiresAt)
{
    /// <inheritdoc />
    public override string ToString() => $"FlowHandle(****, {ExpiresAt:O})";
}
