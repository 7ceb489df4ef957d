namespace BizWeb.Tokens;

/// <summary>What the review screen needs to ask for the confirmation code.</summary>
/// <param name="Id">Pass it back to <see cref="TransactionConfirmations.ConfirmAsync"/>.</param>
/// <param name="ExpiresAt">When the confirmation stops being possible.</param>
/// <param name="OcraChallenge">For an OCRA token: the challenge to show, which the user types into the token; <see langword="null"/> for a TOTP token (the user types the code shown).</param>
public sealed record TransactionConfirmationRequest(Guid Id, DateTimeOffset ExpiresAt, string? OcraChallenge);
