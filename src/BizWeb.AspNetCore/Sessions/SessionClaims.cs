using System.Globalization;
using System.Security.Claims;
using BizWeb.Auth;

namespace BizWeb.AspNetCore;

/// <summary>
/// The sign-in as the session cookie carries it: who, the security stamp of the sign-in, the client
/// certificate it is bound to (serial and SHA-256 thumbprint), when it began (for the absolute
/// time-out), and a random session id (for server-side sign-out). Nothing secret is in it; the cookie
/// is encrypted and signed by Data Protection all the same.
/// </summary>
internal static class SessionClaims
{
    private const string StampClaim = "bizweb:stamp";
    private const string SignedInAtClaim = "bizweb:signed_in_at";
    private const string CertificateSerialClaim = "bizweb:certificate_serial";
    private const string CertificateThumbprintClaim = "bizweb:certificate_sha256";

    public static ClaimsPrincipal Create(SignedInPrincipal signedIn, DateTimeOffset signedInAt)
    {
        var principal = signedIn.Principal;
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, principal.ToString()),
            new(ClaimTypes.Role, principal.IsAdministrator ? BizWebAuthenticationDefaults.AdministratorRole : BizWebAuthenticationDefaults.UserRole),
            new(BizWebAuthenticationDefaults.ContractClaim, principal.ContractId.ToString()),
            new(StampClaim, signedIn.SecurityStamp),
            new(SignedInAtClaim, signedInAt.UtcTicks.ToString(CultureInfo.InvariantCulture)),
            new(CertificateSerialClaim, signedIn.CertificateSerialNumber),
            new(CertificateThumbprintClaim, signedIn.CertificateThumbprint),
            EndedSessions.NewIdClaim(),
        };
        if (principal.UserId is { } user)
        {
            claims.Add(new Claim(BizWebAuthenticationDefaults.UserClaim, user.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, BizWebAuthenticationDefaults.Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Keeps the original sign-in time when a PIN change renews the stamp.</summary>
    public static ClaimsPrincipal Renew(ClaimsPrincipal current, SignedInPrincipal signedIn) =>
        Create(signedIn, SignedInAt(current) ?? DateTimeOffset.MinValue);

    public static SignedInPrincipal? Read(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true
            || !ContractId.TryParse(user.FindFirstValue(BizWebAuthenticationDefaults.ContractClaim), out var contract)
            || user.FindFirstValue(StampClaim) is not { Length: > 0 } stamp
            || user.FindFirstValue(CertificateSerialClaim) is not { Length: > 0 } serial
            || user.FindFirstValue(CertificateThumbprintClaim) is not { Length: > 0 } thumbprint)
        {
            return null; // a cookie without its certificate binding is no session
        }

        var userText = user.FindFirstValue(BizWebAuthenticationDefaults.UserClaim);
        if (userText is null)
        {
            return new SignedInPrincipal(PrincipalId.Administrator(contract), stamp, serial, thumbprint);
        }

        return UserId.TryParse(userText, out var userId) ? new SignedInPrincipal(PrincipalId.User(contract, userId), stamp, serial, thumbprint) : null;
    }

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(SignedInAtClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;
}
