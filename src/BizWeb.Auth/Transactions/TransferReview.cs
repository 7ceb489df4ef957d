namespace BizWeb.Auth;

/// <summary>What the review screen (利用者9-1 資金移動確認画面) shows and asks for.</summary>
/// <param name="Transfer">The transfer, with its frozen details and quote.</param>
/// <param name="ExpiresAt">When confirming stops being possible.</param>
/// <param name="OcraChallenge">For a challenge–response token: the challenge to type into it; <see langword="null"/> for a TOTP token.</param>
public sealed record TransferReview(Transfer Transfer, DateTimeOffset ExpiresAt, string? OcraChallenge);
