namespace BizWeb.Auth;

/// <summary>
/// A signed-in administrator or user whose session <see cref="SessionValidation.ValidateAsync"/> found
/// current on this request. The verbs re-check it against what they load (the principal still
/// exists, its security stamp is unchanged, its certificate is still the current one; its state and
/// accidents with the manual's messages) and refuse a stale caller with
/// <see cref="MessageCode.SessionEnded"/>.
/// </summary>
public abstract class SignedInCaller : Caller
{
    private protected SignedInCaller(SignedInPrincipal session, string? clientAddress)
        : base(AuditActor.Principal(session.Principal, clientAddress)) => Session = session;

    /// <summary>The sign-in this caller was validated from (security stamp and certificate binding).</summary>
    public SignedInPrincipal Session { get; }

    /// <summary>Who signed in.</summary>
    public PrincipalId Principal => Session.Principal;

    /// <summary>The caller's contract.</summary>
    public ContractId ContractId => Session.Principal.ContractId;

    /// <summary>The typed caller of a validated <paramref name="session"/>.</summary>
    internal static SignedInCaller For(SignedInPrincipal session, string? clientAddress) =>
        session.Principal.UserId is { } userId
            ? new SignedInUser(session, userId, clientAddress)
            : new SignedInAdministrator(session, clientAddress);
}
