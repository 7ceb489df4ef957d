using System.Security.Claims;
using System.Security.Cryptography;
using BizWeb.Auth;

namespace BizWeb.SampleHost.Sessions;

/// <summary>
/// Server-side sign-out. Every session cookie (customer or operator) carries a random session id;
/// signing out records that id as ended in the SDK's shared counter store (one database for every
/// instance, entries expiring after the session's absolute time-out), and every request checks it, so
/// a copy of the cookie is worthless after ログアウト.
/// </summary>
internal sealed class EndedSessions(ICredentialCounterStore counters, TimeProvider time)
{
    public const string ClaimType = "bizweb:sid";

    public static Claim NewId() => new(ClaimType, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    public async ValueTask EndAsync(ClaimsPrincipal? user, TimeSpan keepFor, CancellationToken cancellationToken)
    {
        if (user?.FindFirstValue(ClaimType) is { Length: > 0 } id)
        {
            var now = time.GetUtcNow();
            await counters.TryReserveAttemptAsync(Key(id), limit: 1, now, now + keepFor, cancellationToken);
        }
    }

    /// <summary>A cookie without an id (made before ids existed, or forged without one) counts as ended.</summary>
    public async ValueTask<bool> IsEndedAsync(ClaimsPrincipal? user, CancellationToken cancellationToken) =>
        user?.FindFirstValue(ClaimType) is not { Length: > 0 } id
        || await counters.GetFailuresAsync(Key(id), time.GetUtcNow(), cancellationToken) > 0;

    private static string Key(string id) => $"session-ended:{id}";
}
