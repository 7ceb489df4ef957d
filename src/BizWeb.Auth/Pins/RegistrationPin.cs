using System.Diagnostics;

namespace BizWeb.Auth;

/// <summary>
/// ① ご契約先登録用暗証番号: the 4-digit registration PIN the customer writes on the application form
/// and the bank enters on its terminal (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §2). A secret: <see cref="ToString"/> never shows
/// it, it has no value equality (compare through the PIN hasher), and it is only ever stored hashed.
/// </summary>
[DebuggerDisplay("RegistrationPin(****)")]
public sealed class RegistrationPin
{
    /// <summary>The number of digits in a registration PIN.</summary>
    public const int Length = 4;

    private RegistrationPin(string value) => Value = value;

    /// <summary>The digits, for the SDK's own hashing only.</summary>
    internal string Value { get; }

    /// <summary>Parses untrusted text; never throws, reports every broken rule without echoing the input.</summary>
    /// <param name="text">The text as entered; it is not trimmed or normalised.</param>
    /// <returns>The PIN, or the errors.</returns>
    public static ParseResult<RegistrationPin> Parse(string? text) =>
        FixedDigitsRule.RegistrationPin.Check(text) is { } errors
            ? new ParseResult<RegistrationPin>(errors)
            : new ParseResult<RegistrationPin>(new RegistrationPin(text!));

    /// <summary>Never the PIN itself.</summary>
    /// <returns>A fixed mask.</returns>
    public override string ToString() => "RegistrationPin(****)";
}
