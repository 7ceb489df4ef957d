namespace BizWeb.Auth;

/// <summary>
/// Who calls a privileged verb, as only the SDK makes it: a <see cref="SignedInAdministrator"/> or a
/// <see cref="SignedInUser"/> from <see cref="SessionValidation.ValidateAsync"/>, or a
/// <see cref="BankOperator"/> from <see cref="BankOperatorAuthentication"/>. The audit records the
/// verbs write name its <see cref="Actor"/>: there is no separate actor to disagree with it.
/// </summary>
public abstract class Caller
{
    private protected Caller(AuditActor actor) => Actor = actor;

    /// <summary>Who acts, and from where, as the audit trail records it.</summary>
    public AuditActor Actor { get; }

    /// <summary>Never a secret: the kind and id of the actor.</summary>
    /// <returns>E.g. <c>SignedInUser 12345678901/taro</c>.</returns>
    public override string ToString() => $"{GetType().Name} {Actor.Id}";
}
