namespace BizWeb.Auth;

/// <summary>Creating and finding flow tickets.</summary>
internal sealed class Tickets
{
    private readonly IFlowTicketStore _ticketStore;
    private readonly BankClock _clock;

    public Tickets(IFlowTicketStore ticketStore, BankClock clock)
    {
        _ticketStore = ticketStore;
        _clock = clock;
    }

    public (FlowTicket Ticket, string Handle) New(FlowPurpose purpose, PrincipalId principal, TimeSpan lifetime, IReadOnlyDictionary<string, string>? values = null)
    {
        var handle = SecurityStamps.NewHandle();
        var now = _clock.Now;
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
    public async ValueTask<FlowTicket?> FindOpenAsync(string? handle, FlowPurpose purpose, int step, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(handle) || handle.Length > 128)
        {
            return null;
        }

        var ticket = await _ticketStore.FindByHandleHashAsync(SecurityStamps.HashHandle(handle), cancellationToken).ConfigureAwait(false);
        return ticket is not null && ticket.Purpose == purpose && ticket.Step == step && ticket.IsOpen(_clock.Now) ? ticket : null;
    }
}
