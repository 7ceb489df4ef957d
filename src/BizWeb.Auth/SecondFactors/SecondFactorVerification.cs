namespace BizWeb.Auth;

/// <summary>The answer of a second-factor check.</summary>
/// <param name="Result">Verified, rejected or malformed.</param>
/// <param name="Error">For <see cref="SecondFactorResult.Malformed"/>: what is wrong with the input.</param>
public readonly record struct SecondFactorVerification(SecondFactorResult Result, BizWebMessage? Error = null)
{
    /// <summary>A correct answer.</summary>
    public static SecondFactorVerification Verified { get; } = new(SecondFactorResult.Verified);

    /// <summary>A wrong answer.</summary>
    public static SecondFactorVerification Rejected { get; } = new(SecondFactorResult.Rejected);

    /// <summary>A code the token already used (<see cref="SecondFactorResult.Replayed"/>).</summary>
    public static SecondFactorVerification Replayed { get; } = new(SecondFactorResult.Replayed, MessageCatalog.Get(MessageCode.OneTimePasswordReplayed));
}
