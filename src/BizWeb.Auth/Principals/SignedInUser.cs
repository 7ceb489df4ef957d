namespace BizWeb.Auth;

/// <summary>A contract's user (利用者), validated on this request; only the SDK makes one.</summary>
public sealed class SignedInUser : SignedInCaller
{
    internal SignedInUser(SignedInPrincipal session, UserId userId, string? clientAddress)
        : base(session, clientAddress) => UserId = userId;

    /// <summary>The user's id within <see cref="SignedInCaller.ContractId"/>.</summary>
    public UserId UserId { get; }
}
