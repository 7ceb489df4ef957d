namespace BizWeb.Tokens;

/// <summary>
/// Customer card settings, validated at start-up. With the default 3 positions of 2 digits an
/// attacker without the card guesses one challenge with probability 1 in 10^6 (about 20 bits, the
/// floor NIST SP 800-63B sets for look-up secrets); with the lockout of 7 failures that is 7 in 10^6.
/// More positions make each sign-in longer to type; fewer weaken the guess bound (1 position: 1 in 100).
/// </summary>
public sealed class CustomerCardOptions
{
    /// <summary>How many distinct positions a challenge asks; 3 by default, 1–8.</summary>
    public int ChallengePositions { get; set; } = 3;

    /// <summary>How long a challenge can be answered; 5 minutes by default, 30 seconds to 1 hour.</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    internal IEnumerable<string> Validate(string prefix)
    {
        if (ChallengePositions is < 1 or > CustomerCardPositions.Count)
        {
            yield return $"{prefix}:ChallengePositions must be between 1 and {CustomerCardPositions.Count}.";
        }

        if (ChallengeLifetime < TimeSpan.FromSeconds(30) || ChallengeLifetime > TimeSpan.FromHours(1))
        {
            yield return $"{prefix}:ChallengeLifetime must be between 30 seconds and 1 hour.";
        }
    }
}
