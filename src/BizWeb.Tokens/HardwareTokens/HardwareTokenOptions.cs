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
    /// Steps searched either side of the token's expected step (its imported drift) when the
    /// administrator registers it (P.15): what clock drift in stock needs and no more, since every
    /// step searched is one more code a guess can hit; 2 by default (±1 minute at 30 s), 1–10.
    /// </summary>
    public int RegistrationWindow { get; set; } = 2;

    /// <summary>
    /// Wrong codes in a row for one serial number at registration (from any contract) after which the
    /// serial number is blocked for registration until the bank releases it
    /// (<see cref="HardwareTokenInventory.ReleaseRegistrationBlockAsync"/>); 7 by default, like the
    /// lockout of the <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §5, 1–100. Serial numbers that are not in the inventory count the same way.
    /// </summary>
    public int RegistrationFailureLimit { get; set; } = 7;

    /// <summary>
    /// Wrong token registrations one contract may make per day (the bank's calendar day,
    /// <see cref="BizWeb.Auth.BizWebOptions.TimeZoneId"/>), over all serial numbers; from the limit on, the
    /// contract's registrations are refused until the next day. 10 by default, 1–1000.
    /// </summary>
    public int ContractRegistrationFailuresPerDay { get; set; } = 10;

    /// <summary>
    /// Whether only tokens the bank bound to a contract when shipping them
    /// (<see cref="HardwareTokenInventory.BindAsync"/>) can be registered; off by default, so an unbound
    /// token in stock can be registered by any contract (a bound one only by its contract, either way).
    /// </summary>
    public bool RequireBinding { get; set; }

    /// <summary>Steps searched either side by the bank's resynchronisation with two consecutive codes; 100 by default, 1–10000.</summary>
    public int ResynchronizationWindow { get; set; } = 100;

    /// <summary>
    /// HOTP (event-based) tokens: counters searched after the token's next counter at sign-in, confirmation and
    /// registration, since a user may have pressed the button without signing in; 10 by default, 0–100
    /// (every counter searched is one more code a guess can hit).
    /// </summary>
    public int HotpLookAhead { get; set; } = 10;

    /// <summary>
    /// HOTP tokens: counters searched after the token's next counter by the bank's resynchronisation, which needs
    /// two consecutive codes (RFC 4226 §7.4); 100 by default, 1–1000, and at least <see cref="HotpLookAhead"/>.
    /// </summary>
    public int HotpResynchronizationWindow { get; set; } = 100;

    /// <summary>How long a transaction confirmation can be confirmed after review; 5 minutes by default, 30 seconds to 1 hour.</summary>
    public TimeSpan TransactionConfirmationLifetime { get; set; } = TimeSpan.FromMinutes(5);

    internal IEnumerable<string> Validate(string prefix)
    {
        if (VerificationWindow is < 0 or > 10)
        {
            yield return $"{prefix}:VerificationWindow must be between 0 and 10.";
        }

        if (RegistrationWindow is < 1 or > 10)
        {
            yield return $"{prefix}:RegistrationWindow must be between 1 and 10.";
        }

        if (RegistrationFailureLimit is < 1 or > 100)
        {
            yield return $"{prefix}:RegistrationFailureLimit must be between 1 and 100.";
        }

        if (ContractRegistrationFailuresPerDay is < 1 or > 1000)
        {
            yield return $"{prefix}:ContractRegistrationFailuresPerDay must be between 1 and 1000.";
        }

        if (ResynchronizationWindow is < 1 or > 10_000)
        {
            yield return $"{prefix}:ResynchronizationWindow must be between 1 and 10000.";
        }

        if (HotpLookAhead is < 0 or > HotpVerifier.MaxLookAhead)
        {
            yield return $"{prefix}.HotpLookAhead must be between 0 and {HotpVerifier.MaxLookAhead}.";
        }

        if (HotpResynchronizationWindow < 1 || HotpResynchronizationWindow > HotpVerifier.MaxResynchronizationWindow || HotpResynchronizationWindow < HotpLookAhead)
        {
            yield return $"{prefix}.HotpResynchronizationWindow must be between 1 and {HotpVerifier.MaxResynchronizationWindow}, and at least HotpLookAhead.";
        }

        if (TransactionConfirmationLifetime < TimeSpan.FromSeconds(30) || TransactionConfirmationLifetime > TimeSpan.FromHours(1))
        {
            yield return $"{prefix}:TransactionConfirmationLifetime must be between 30 seconds and 1 hour.";
        }
    }
}
