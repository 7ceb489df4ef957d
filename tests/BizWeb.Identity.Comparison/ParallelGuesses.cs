namespace BizWeb.Identity.Comparison;

/// <summary>The race: many sign-ins with one wrong PIN for one account, all started at once, each as its own request.</summary>
public static class ParallelGuesses
{
    /// <summary>The wrong PIN of every race.</summary>
    public const string WrongPin = "wrong999";

    /// <summary>Fires <paramref name="guesses"/> sign-ins with <see cref="WrongPin"/> at <paramref name="account"/> in parallel and answers what each answered.</summary>
    public static async Task<SignInOutcome[]> FireAsync(ISignInSide side, int account, int guesses)
    {
        ArgumentNullException.ThrowIfNull(side);
        side.Prepare(account);
        return await Task.WhenAll(Enumerable.Range(0, guesses).Select(_ => Task.Run(() => side.SignInAsync(account, WrongPin))));
    }
}
