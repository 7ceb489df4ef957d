using BizWeb.AspNetCore;
using System.Globalization;
using System.Security.Claims;

namespace BizWeb.SampleHost.Operations;

/// <summary>
/// The signed-in operator as the <c>__Host-BizWeb.Ops</c> cookie carries it: the operator id and when
/// the sign-in happened (for the absolute time-out). A scheme of its own, never the customers' one.
/// </summary>
internal static class OperatorSession
{
    public const string Scheme = "BizWeb.Ops";
    public const string Policy = "bank-operator";
    public const string CookieName = "__Host-BizWeb.Ops";
    public const string OperatorClaim = "bizweb:operator";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(4);
    private const string SignedInAtClaim = "bizweb:ops_signed_in_at";

    public static ClaimsPrincipal Create(string operatorId, DateTimeOffset signedInAt) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, operatorId),
                new Claim(OperatorClaim, operatorId),
                new Claim(SignedInAtClaim, signedInAt.UtcTicks.ToString(CultureInfo.InvariantCulture)),
                EndedSessions.NewIdClaim(),
            ],
            Scheme,
            ClaimTypes.Name,
            ClaimTypes.Role));

    /// <summary>The operator id, or <see langword="null"/> when the principal is not an operator's.</summary>
    public static string? OperatorId(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirst(OperatorClaim)?.Value : null;

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal? user) =>
        long.TryParse(user?.FindFirst(SignedInAtClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;
}
