using System.Diagnostics.CodeAnalysis;

namespace BizWeb.Auth;

/// <summary>
/// The one format check of a customer card or token answer (one file, compiled into BizWeb.Tokens too,
/// like IdGuard.cs). <see cref="Check(string?)"/> runs in the flows before an attempt is reserved:
/// full-width digits, letters, spaces or an absurd length get an input error and are never counted
/// (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §2). The verifiers classify what they are given with the same rules: half-width digits
/// only, never normalised; a wrong count of digits is a length error.
/// </summary>
internal static class OneTimePasswordInput
{
    private const int MaxLength = 16;

    /// <summary>The input error of an answer that is no answer at all (nothing to reserve an attempt for), or <see langword="null"/>.</summary>
    public static BizWebMessage? Check(string? answer) =>
        answer is null || answer.Length > MaxLength || !IsAsciiDigits(answer)
            ? MessageCatalog.Get(MessageCode.OneTimePasswordMalformed)
            : null;

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
