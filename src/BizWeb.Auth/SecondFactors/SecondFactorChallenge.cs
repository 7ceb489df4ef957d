namespace BizWeb.Auth;

/// <summary>What to ask the person, e.g. the customer card positions 「ア」「エ」「キ」.</summary>
/// <param name="Prompts">The labels to show, in order; empty for a factor that needs no prompt (TOTP).</param>
/// <param name="ExpiresAt">When the challenge stops being answerable.</param>
public sealed record SecondFactorChallenge(IReadOnlyList<string> Prompts, DateTimeOffset ExpiresAt);
