namespace BizWeb.Auth;

/// <summary>A contract's administrator (管理者), validated on this request; only the SDK makes one.</summary>
public sealed class SignedInAdministrator : SignedInCaller
{
    internal SignedInAdministrator(SignedInPrincipal session, string? clientAddress)
        : base(session, clientAddress)
    {
    }
}
