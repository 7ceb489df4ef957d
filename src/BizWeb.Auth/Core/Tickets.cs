namespace BizWeb.Auth;

/// <summary>Creating and finding flow tickets.</summary>
internal static class Tickets
{
    public static (FlowTicket Ticket, string Handle) New(AuthCore core, FlowPurpose purpose, PrincipalId principal, TimeSpan lifetime, IReadOnlyDictionary<string, string>? values = null)
    {
        var handle = SecurityStamps.NewHandle();
        var now = core.Now;
        var ticket = new FlowTicket
        {
            Id = Guid.NewGuid(),
            HandleHash = SecurityStamps.HashHandle(handle),
            Purpose = purpose,
            Principal = principal,
            Step = 1,
            StartedAt = now,
            LastStepAt = now,
            ExpiresAt = now + lifetime,
            Values = values ?? new Dictionary<string, string>(),
        };
        return (ticket, handle);
    }

    /// <summary>
    /// The ticket of a step that shows <paramref name="challenge"/>, ending no later than the challenge: an
    /// answer after the challenge expired finds the step expired, and is never evaluated or counted.
    /// </summary>
    public static FlowTicket EndingWith(FlowTicket ticket, SecondFactorChallenge challenge) =>
        challenge.ExpiresAt < ticket.ExpiresAt ? ticket with { ExpiresAt = challenge.ExpiresAt } : ticket;

    /// <summary>The open ticket behind <paramref name="handle"/> if it belongs to <paramref name="purpose"/> and has done <paramref name="step"/>.</summary>
    public static async ValueTask<FlowTicket?> FindOpenAsync(AuthCore core, string? handle, FlowPurpose purpose, int step, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(handle) || handle.Length > 128)
        {
            return null;
        }

        var ticket = await core.Tickets.FindByHandleHashAsync(SecurityStamps.HashHandle(handle), cancellationToken).ConfigureAwait(false);
        return ticket is not null && ticket.Purpose == purpose && ticket.Step == step && ticket.IsOpen(core.Now) ? ticket : null;
    }
}
