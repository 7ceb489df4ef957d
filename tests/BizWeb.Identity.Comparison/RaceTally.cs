using System.Globalization;

namespace BizWeb.Identity.Comparison;

/// <summary>
/// What one process saw of a race of parallel wrong guesses: how many its hasher evaluated and what the
/// guesses answered. One line of text (the racer prints it, the test parses it), and summable across processes.
/// </summary>
public sealed record RaceTally(int Evaluated, int Failed, int LockedOut, int Busy, int SignedIn, int Other)
{
    /// <summary>The tally of <paramref name="outcomes"/>, of which <paramref name="evaluated"/> reached the hasher.</summary>
    public static RaceTally Of(int evaluated, IReadOnlyCollection<SignInOutcome> outcomes) => new(
        evaluated,
        outcomes.Count(o => o == SignInOutcome.Failed),
        outcomes.Count(o => o == SignInOutcome.LockedOut),
        outcomes.Count(o => o == SignInOutcome.Busy),
        outcomes.Count(o => o == SignInOutcome.SignedIn),
        outcomes.Count(o => o == SignInOutcome.Other));

    /// <summary>Guesses answered.</summary>
    public int Answered => Failed + LockedOut + Busy + SignedIn + Other;

    /// <summary>Reads a line written by <see cref="ToString"/>.</summary>
    public static RaceTally Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var values = line.Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return new(values["evaluated"], values["failed"], values["locked"], values["busy"], values["signedin"], values["other"]);
    }

    /// <summary>The sum of two processes' tallies.</summary>
    public static RaceTally operator +(RaceTally left, RaceTally right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Evaluated + right.Evaluated, left.Failed + right.Failed, left.LockedOut + right.LockedOut, left.Busy + right.Busy, left.SignedIn + right.SignedIn, left.Other + right.Other);
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"evaluated={Evaluated} failed={Failed} locked={LockedOut} busy={Busy} signedin={SignedIn} other={Other}");
}
