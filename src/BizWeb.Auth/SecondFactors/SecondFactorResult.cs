namespace BizWeb.Auth;

/// <summary>How a second-factor answer was judged.</summary>
public enum SecondFactorResult
{
    /// <summary>Correct: the challenge is consumed.</summary>
    Verified = 0,

    /// <summary>Wrong (or no card/token, or no open challenge): counts one failure.</summary>
    Rejected = 1,

    /// <summary>
    /// Not a possible answer (e.g. the wrong number of digits), reported with
    /// <see cref="SecondFactorVerification.Error"/>. The flows refuse input that is not half-width
    /// digits before an attempt is reserved; whatever reaches a verifier counts as a guess, so a
    /// malformed answer counts like a wrong one.
    /// </summary>
    Malformed = 2,
}
