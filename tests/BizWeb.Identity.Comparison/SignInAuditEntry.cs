namespace BizWeb.Identity.Comparison;

/// <summary>
/// The audit record a bank would have to add to Identity's sign-in (one row per attempt, no hash chain):
/// what <see cref="IdentitySide"/> inserts when audited, for the like-for-like benchmark row.
/// </summary>
public sealed class SignInAuditEntry
{
    /// <summary>The key.</summary>
    public long Id { get; set; }

    /// <summary>The user name signed in to.</summary>
    public required string UserName { get; set; }

    /// <summary>What the attempt answered.</summary>
    public required string Outcome { get; set; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; set; }
}
