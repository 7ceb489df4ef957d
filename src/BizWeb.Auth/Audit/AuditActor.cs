namespace BizWeb.Auth;

/// <summary>Who acted, and from where.</summary>
/// <param name="Kind">The kind of actor.</param>
/// <param name="Id">The operator id, the principal's text form, or empty.</param>
/// <param name="ClientAddress">The client address the host passed in, if any.</param>
public readonly record struct AuditActor(AuditActorKind Kind, string Id, string? ClientAddress = null)
{
    /// <summary>A bank operator.</summary>
    /// <param name="operatorId">The operator's id on the bank's terminal.</param>
    /// <param name="clientAddress">The terminal's address.</param>
    /// <returns>The actor.</returns>
    public static AuditActor BankOperator(string operatorId, string? clientAddress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorId);
        return new(AuditActorKind.BankOperator, operatorId, clientAddress);
    }

    /// <summary>A signed-in administrator or user.</summary>
    /// <param name="principal">The principal.</param>
    /// <param name="clientAddress">The client address.</param>
    /// <returns>The actor.</returns>
    public static AuditActor Principal(PrincipalId principal, string? clientAddress = null) =>
        new(principal.IsAdministrator ? AuditActorKind.Administrator : AuditActorKind.User, principal.ToString(), clientAddress);

    /// <summary>Someone not identified yet.</summary>
    /// <param name="clientAddress">The client address.</param>
    /// <returns>The actor.</returns>
    public static AuditActor Anonymous(string? clientAddress = null) => new(AuditActorKind.Anonymous, string.Empty, clientAddress);

    /// <summary>The SDK itself.</summary>
    public static AuditActor System { get; } = new(AuditActorKind.System, "system");
}
