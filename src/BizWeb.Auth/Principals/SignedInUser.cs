namespace BizWeb.Auth;

/// <summary>A contract's user (利用者), validated on this request; only the SDK makes one.</summary>
public sealed class SignedInUser : SignedInCaller
{
    internal SignedInUser(SignedInPrincipal session, UserId userId, string? clientAddress)
        : base(session, clientAddress) => UserId = userId;

    /// <summary>The user's id within <see cref="SignedInCaller.ContractId"/>.</summary>
    public UserId UserId { get; }

    /// <summary>The services granted to the user (利用者権限設定) as the validation read them on this request; the verbs check their grant again.</summary>
    public IReadOnlyList<string> GrantedServices { get; internal set; } = [];
}
