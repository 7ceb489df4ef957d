namespace BizWeb.Auth;

/// <summary>利用者7-3 succeeded: the handle for 利用者7-4.</summary>
/// <param name="Handle">The opaque handle; keep it out of URLs and logs.</param>
/// <param name="ExpiresAt">When the activation expires (and stops blocking a new one).</param>
/// <param name="HasEmail">Whether an e-mail address is registered (field e. is then optional).</param>
public sealed record UserActivationStep(string Handle, DateTimeOffset ExpiresAt, bool HasEmail)
{
    /// <inheritdoc />
    public override string ToString() => $"UserActivationStep(****, {ExpiresAt:O}, {HasEmail})";
}
