namespace BizWeb.Auth;

/// <summary>An open transaction-bound confirmation.</summary>
/// <param name="Id">The confirmation's id.</param>
/// <param name="ExpiresAt">When it stops being confirmable.</param>
/// <param name="OcraChallenge">For a challenge–response token, the challenge to show; otherwise <see langword="null"/>.</param>
public sealed record TransferConfirmationChallenge(Guid Id, DateTimeOffset ExpiresAt, string? OcraChallenge);
