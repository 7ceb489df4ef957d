namespace BizWeb.Auth;

/// <summary>Lockout settings (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §5).</summary>
public sealed class LockoutOptions
{
    /// <summary>Consecutive failures that lock a credential; 7 by default, 1–100.</summary>
    public int MaxConsecutiveFailures { get; set; } = 7;

    /// <summary>
    /// How long failures against an unknown contract or user id are remembered, so that the eighth
    /// guess there answers "locked" exactly as for a real credential; 24 hours by default.
    /// </summary>
    public TimeSpan UnknownPrincipalFailureWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Velocity limit of the one user-PIN step that comes before any certificate (利用者6-2, user
    /// certificate acquisition): attempts per contract id, whatever user id is typed, within
    /// <see cref="PreCertificateAttemptWindow"/>; beyond it the step answers
    /// <see cref="MessageCode.EnrollmentAttemptsExceeded"/> without evaluating. 30 by default, 1–10,000.
    /// </summary>
    public int PreCertificateAttemptsPerContract { get; set; } = 30;

    /// <summary>
    /// The window of <see cref="PreCertificateAttemptsPerContract"/>: it closes this long after the last
    /// attempt (sliding); 1 hour by default.
    /// </summary>
    public TimeSpan PreCertificateAttemptWindow { get; set; } = TimeSpan.FromHours(1);

    internal IEnumerable<string> Validate(string prefix)
    {
        if (MaxConsecutiveFailures is < 1 or > 100)
        {
            yield return $"{prefix}:MaxConsecutiveFailures must be between 1 and 100.";
        }

        if (UnknownPrincipalFailureWindow <= TimeSpan.Zero)
        {
            yield return $"{prefix}:UnknownPrincipalFailureWindow must be positive.";
        }

        if (PreCertificateAttemptsPerContract is < 1 or > 10_000)
        {
            yield return $"{prefix}:PreCertificateAttemptsPerContract must be between 1 and 10000.";
        }

        if (PreCertificateAttemptWindow <= TimeSpan.Zero)
        {
            yield return $"{prefix}:PreCertificateAttemptWindow must be positive.";
        }
    }
}
