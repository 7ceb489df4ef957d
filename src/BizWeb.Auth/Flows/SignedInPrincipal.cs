namespace BizWeb.Auth;

/// <summary>
/// A completed sign-in. The host keeps it in its session and checks it on every request with
/// <see cref="SessionValidation.IsCurrentAsync"/>: a lock, suspension, accident, PIN change or
/// deletion changes the security stamp and so ends the session at once.
/// </summary>
/// <param name="Principal">Who signed in.</param>
/// <param name="SecurityStamp">The principal's security stamp at sign-in.</param>
public sealed record SignedInPrincipal(PrincipalId Principal, string SecurityStamp)
{
    /// <summary>Never the security stamp.</summary>
    /// <returns>E.g. <c>SignedInPrincipal 12345678901/taro</c>.</returns>
    public override string ToString() => $"SignedInPrincipal {Principal}";
}
