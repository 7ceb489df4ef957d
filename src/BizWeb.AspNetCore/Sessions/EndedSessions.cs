using System.Security.Claims;
using System.Security.Cryptography;
using BizWeb.Auth;

namespace BizWeb.AspNetCore;

/// <summary>
/// Server-side sign-out for any cookie scheme (the SDK's session, or a host's own such as an operations
/// console): every cookie carries a random session id; signing out records that id as ended in the SDK's
/// shared counter store (one database for every instance, the entry kept for the session's absolute
/// time-out), and every request checks it, so a copy of the cookie is worthless after ログアウト.
/// </summary>
public sealed class EndedSessions
{
    /// <summary>The claim that holds the session id.</summary>
    public const string ClaimType = "bizweb:sid";

    private readonly ICredentialCounterStore _counters;
    private readonly TimeProvider _time;

    internal EndedSessions(ICredentialCounterStore counters, TimeProvider time)
    {
        _counters = counters;
        _time = time;
    }

    /// <summary>A new random session id (128 bits from the CSPRNG) for a cookie being issued.</summary>
    /// <returns>The claim to add to the cookie's identity.</returns>
    public static Claim NewIdClaim() => new(ClaimType, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    /// <summary>Records the session of <paramref name="user"/> as ended, for <paramref name="keepFor"/> (its absolute time-out).</summary>
    /// <param name="user">The cookie's principal.</param>
    /// <param name="keepFor">How long the cookie could still be presented.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the end is recorded.</returns>
    public async ValueTask EndAsync(ClaimsPrincipal? user, TimeSpan keepFor, CancellationToken cancellationToken = default)
    {
        if (user?.FindFirstValue(ClaimType) is { Length: > 0 } id)
        {
            var now = _time.GetUtcNow();
            await _counters.TryReserveAttemptAsync(Key(id), limit: 1, now, now + keepFor, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether the session of <paramref name="user"/> was signed out; a cookie without an id counts as ended.</summary>
    /// <param name="user">The cookie's principal.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when the cookie must not be accepted.</returns>
    public async ValueTask<bool> IsEndedAsync(ClaimsPrincipal? user, CancellationToken cancellationToken = default) =>
        user?.FindFirstValue(ClaimType) is not { Length: > 0 } id
        || await _counters.GetFailuresAsync(Key(id), _time.GetUtcNow(), cancellationToken).ConfigureAwait(false) > 0;

    private static string Key(string id) => $"session-ended:{id}";
}
