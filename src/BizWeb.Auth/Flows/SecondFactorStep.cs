namespace BizWeb.Auth;

/// <summary>A flow waiting for a second factor: the handle for the next step and what to ask.</summary>
/// <param name="Handle">The opaque handle the client sends with the next step; keep it out of URLs and logs.</param>
/// <param name="Challenge">The customer card positions to ask for (empty prompts for a token code).</param>
/// <param name="ExpiresAt">When the step stops being answerable.</param>
public sealed record SecondFactorStep(string Handle, SecondFactorChallenge Challenge, DateTimeOffset ExpiresAt)
{
    /// <inheritdoc />
    public override string ToString() => $"SecondFactorStep(****, {string.Join(" ", Challenge.Prompts)})";
}
