namespace BizWeb.Auth;

/// <summary>Lockout settings (SPEC.md §5).</summary>
public sealed class LockoutOptions
{
    /// <summary>Consecutive failures that lock a credential; 7 by default, 1–100.</summary>
    public int MaxConsecutiveFailures { get; set; } = 7;

    /// <summary>
    /// How long failures against an unknown contract or user id are remembered, so that the eighth
    /// guess there answers "locked" exactly as for a real credential; 24 hours by default.
    /// </summary>
    public TimeSpan UnknownPrincipalFailureWindow { get; set; } = TimeSpan.FromHours(24);

    internal IEnumerable<string> Validate(string prefix)
    {
        if (MaxConsecutiveFailures is < 1 or > 100)
        {
            yield return $"{prefix}.MaxConsecutiveFailures must be between 1 and 100.";
        }

        if (UnknownPrincipalFailureWindow <= TimeSpan.Zero)
        {
            yield return $"{prefix}.UnknownPrincipalFailureWindow must be positive.";
        }
    }
}
