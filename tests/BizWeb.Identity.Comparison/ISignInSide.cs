namespace BizWeb.Identity.Comparison;

/// <summary>
/// One side of the comparison: accounts numbered 0, 1, 2 … on its own database, each signed in to as a
/// separate request would (its own DI scope, so its own DbContext from the pool).
/// </summary>
public interface ISignInSide : IAsyncDisposable
{
    /// <summary>"BizWeb" or "Identity".</summary>
    string Name { get; }

    /// <summary>Creates account <paramref name="account"/> with <paramref name="pin"/>, active, with no failures.</summary>
    Task SeedAsync(int account, string pin);

    /// <summary>Makes what this process needs to sign in to an account another process seeded (ours: its certificate).</summary>
    void Prepare(int account);

    /// <summary>One sign-in with <paramref name="pin"/>: ours <c>UserSignIn.SignInAsync</c>; Identity <c>FindByNameAsync</c> then <c>CheckPasswordSignInAsync(…, lockoutOnFailure: true)</c>.</summary>
    Task<SignInOutcome> SignInAsync(int account, string pin);

    /// <summary>Whether the account is locked now, read afresh from the database.</summary>
    Task<bool> IsLockedAsync(int account);
}
