namespace BizWeb.Auth;

/// <summary>How a second-factor answer was judged.</summary>
public enum SecondFactorResult
{
    /// <summary>Correct: the challenge is consumed.</summary>
    Verified = 0,

    /// <summary>Wrong (or no card/token, or no open challenge): counts one failure.</summary>
    Rejected = 1,

    /// <summary>
    /// Not an answer at all (e.g. full-width digits, wrong length): reported with
    /// <see cref="SecondFactorVerification.Error"/>, not counted as a failure.
    /// </summary>
    Malformed = 2,
}
