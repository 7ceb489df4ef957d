using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// An open transaction confirmation as stored: whose it is, the SHA-256 digest of what the user
/// reviewed, the OCRA challenge shown (for tokens with a keypad), and when it expires. Single use.
/// </summary>
public sealed record TransactionConfirmation
{
    /// <summary>The confirmation's id (not secret: the user's session carries it between review and confirm).</summary>
    public required Guid Id { get; init; }

    /// <summary>The user who reviewed the transaction.</summary>
    public required PrincipalId Principal { get; init; }

    /// <summary>The 32-byte canonical digest of the transaction as reviewed.</summary>
    public required byte[] Digest { get; init; }

    /// <summary>The challenge the user types into an OCRA token, derived from the digest; <see langword="null"/> for TOTP tokens.</summary>
    public string? OcraChallenge { get; init; }

    /// <summary>When the transaction was reviewed.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>After this it cannot be confirmed.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
