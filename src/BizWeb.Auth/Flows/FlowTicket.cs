namespace BizWeb.Auth;

/// <summary>
/// The server side of an opaque CSPRNG handle that ties the steps of one flow together, so no step
/// can be skipped or replayed. Stores keep only the SHA-256 of the handle.
/// </summary>
public sealed record FlowTicket
{
    /// <summary>A non-secret id (for binding card challenges and audit).</summary>
    public required Guid Id { get; init; }

    /// <summary>Hex SHA-256 of the handle the client holds.</summary>
    public required string HandleHash { get; init; }

    /// <summary>The flow.</summary>
    public required FlowPurpose Purpose { get; init; }

    /// <summary>Whose flow it is.</summary>
    public required PrincipalId Principal { get; init; }

    /// <summary>The last step completed (1-based; meaning per flow).</summary>
    public required int Step { get; init; }

    /// <summary>When the flow began.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the last step was done.</summary>
    public required DateTimeOffset LastStepAt { get; init; }

    /// <summary>After this the ticket is dead.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Completed or redeemed: never usable again.</summary>
    public bool Completed { get; init; }

    /// <summary>PHC hashes a flow keeps between steps (e.g. the new PINs chosen at 管理者1-3), never clear text.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    /// <summary>The store's concurrency version: 0 for a ticket not stored yet.</summary>
    public long Version { get; init; }

    /// <summary>Never the handle's hash or the values kept between steps.</summary>
    /// <returns>E.g. <c>FlowTicket AdminActivation 12345678901 step 2</c>.</returns>
    public override string ToString() => $"FlowTicket {Purpose} {Principal} step {Step}{(Completed ? " completed" : string.Empty)}";

    /// <summary>Whether the ticket can take another step at <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="true"/> when neither completed nor expired.</returns>
    public bool IsOpen(DateTimeOffset now) => !Completed && now < ExpiresAt;
}
