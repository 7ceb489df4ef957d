using System.Diagnostics.CodeAnalysis;
using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// Classifies a typed one-time password or card answer: half-width digits only, or what is wrong.
/// Full-width digits (<c>１２</c>), any other non-ASCII character and white space are reported as
/// "use half-width digits", never normalised; a wrong count of digits as a length error.
/// </summary>
internal static class DigitInput
{
    /// <summary>Whether <paramref name="text"/> consists of ASCII digits only (and is not empty).</summary>
    public static bool IsAsciiDigits([NotNullWhen(true)] string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <see langword="null"/> when <paramref name="text"/> is exactly <paramref name="length"/> ASCII digits;
    /// otherwise the malformed-input verdict (not counted as a failure).
    /// </summary>
    public static SecondFactorVerification? Check(string? text, int length)
    {
        if (text is not null && text.Length == length && IsAsciiDigits(text))
        {
            return null;
        }

        return Malformed(text);
    }

    /// <summary>The malformed verdict for input that is not the expected digits.</summary>
    public static SecondFactorVerification Malformed(string? text)
    {
        var notDigits = false;
        foreach (var c in text.AsSpan())
        {
            notDigits |= !char.IsAsciiDigit(c);
        }

        var code = notDigits ? MessageCode.OneTimePasswordMalformed : MessageCode.OneTimePasswordLength;
        return new SecondFactorVerification(SecondFactorResult.Malformed, MessageCatalog.Get(code));
    }
}
