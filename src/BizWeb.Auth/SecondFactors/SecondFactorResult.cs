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

    /// <summary>
    /// The right code, but one this token already used (the TOTP time step or HOTP counter it accepted last,
    /// e.g. the code of token registration typed again within the same 30 s step). Not a wrong guess: the
    /// flows answer <see cref="MessageCode.OneTimePasswordReplayed"/> ("wait for the next code") and give the
    /// attempt they reserved back, so it does not count toward the lock.
    /// </summary>
    Replayed = 3,
}
