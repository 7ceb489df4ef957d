namespace BizWeb.Auth;

/// <summary>Timing of the multi-step flows (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §4).</summary>
public sealed class FlowOptions
{
    /// <summary>
    /// How long an activation begun and not completed holds the principal, from its last step
    /// (Q1-5, Q5-5): 15 minutes by default. A new activation meanwhile gets the interruption message.
    /// </summary>
    public TimeSpan InterruptedActivationCooldown { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the second step of a sign-in or enrollment stays open: 5 minutes by default.</summary>
    public TimeSpan StepLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an enrollment ticket can be redeemed at the CA: 10 minutes by default.</summary>
    public TimeSpan EnrollmentTicketLifetime { get; set; } = TimeSpan.FromMinutes(10);

    internal IEnumerable<string> Validate(string prefix)
    {
        if (InterruptedActivationCooldown <= TimeSpan.Zero || InterruptedActivationCooldown > TimeSpan.FromDays(1))
        {
            yield return $"{prefix}:InterruptedActivationCooldown must be positive and at most one day.";
        }

        if (StepLifetime <= TimeSpan.Zero || StepLifetime > TimeSpan.FromHours(1))
        {
            yield return $"{prefix}:StepLifetime must be positive and at most one hour.";
        }

        if (EnrollmentTicketLifetime <= TimeSpan.Zero || EnrollmentTicketLifetime > TimeSpan.FromDays(1))
        {
            yield return $"{prefix}:EnrollmentTicketLifetime must be positive and at most one day.";
        }
    }
}
