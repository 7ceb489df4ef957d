namespace BizWeb.Tokens;

/// <summary>Hardware token settings, validated at start-up.</summary>
public sealed class HardwareTokenOptions
{
    /// <summary>
    /// Time steps accepted either side of the token's expected step at sign-in and confirmation; 1 by
    /// default (the step before, the current one, the step after), 0–10.
    /// </summary>
    public int VerificationWindow { get; set; } = 1;

    /// <summary>
    /// Steps searched either side when the administrator registers a token (P.15), whose clock may
    /// have drifted while it lay in stock; 10 by default, 1–1000.
    /// </summary>
    public int RegistrationWindow { get; set; } = 10;

    /// <summary>Steps searched either side by the bank's resynchronisation with two consecutive codes; 100 by default, 1–10000.</summary>
    public int ResynchronizationWindow { get; set; } = 100;

    /// <summary>How long a transaction confirmation can be confirmed after review; 5 minutes by default, 30 seconds to 1 hour.</summary>
    public TimeSpan TransactionConfirmationLifetime { get; set; } = TimeSpan.FromMinutes(5);

    internal IEnumerable<string> Validate(string prefix)
    {
        if (VerificationWindow is < 0 or > 10)
        {
            yield return $"{prefix}.VerificationWindow must be between 0 and 10.";
        }

        if (RegistrationWindow is < 1 or > 1000)
        {
            yield return $"{prefix}.RegistrationWindow must be between 1 and 1000.";
        }

        if (ResynchronizationWindow is < 1 or > 10_000)
        {
            yield return $"{prefix}.ResynchronizationWindow must be between 1 and 10000.";
        }

        if (TransactionConfirmationLifetime < TimeSpan.FromSeconds(30) || TransactionConfirmationLifetime > TimeSpan.FromHours(1))
        {
            yield return $"{prefix}.TransactionConfirmationLifetime must be between 30 seconds and 1 hour.";
        }
    }
}
