namespace BizWeb.Auth;

/// <summary>
/// One record of the append-only, hash-chained audit trail. Stores assign <see cref="Sequence"/>,
/// <see cref="PreviousHash"/> and <see cref="Hash"/> when they append (see <see cref="AuditChain"/>).
/// Never holds a PIN, OTP, seed or card value.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>1, 2, 3 … in append order; 0 before the store appends it.</summary>
    public long Sequence { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who acted, and from where.</summary>
    public required AuditActor Actor { get; init; }

    /// <summary>What was done: a stable name such as <c>UserSignIn</c> or <c>ContractUnlocked</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The principal acted upon, if any (absent for unknown identifiers).</summary>
    public PrincipalId? Subject { get; init; }

    /// <summary>How it ended.</summary>
    public required AuditOutcome Outcome { get; init; }

    /// <summary>The message code of a failure or refusal, or another non-secret detail.</summary>
    public string? Detail { get; init; }

    /// <summary>Lower-case hex SHA-256 of the previous record (64 zeros for the first).</summary>
    public string PreviousHash { get; init; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of this record's canonical form, including <see cref="PreviousHash"/>.</summary>
    public string Hash { get; init; } = string.Empty;
}
