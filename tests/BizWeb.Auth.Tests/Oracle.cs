namespace BizWeb.Auth.Tests;

/// <summary>
/// Independent statements of SPEC.md §2–§3, written as plain loops over character ranges, against
/// which the production parsers are checked. Deliberately shares no code with src/.
/// </summary>
internal static class Oracle
{
    public static bool IsHalfWidthDigit(char c) => c >= '0' && c <= '9';

    public static bool IsHalfWidthLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    public static bool AllDigits(string s)
    {
        foreach (var c in s)
        {
            if (!IsHalfWidthDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool AllAlphanumeric(string s)
    {
        foreach (var c in s)
        {
            if (!IsHalfWidthDigit(c) && !IsHalfWidthLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Contract id: exactly 11 half-width digits.</summary>
    public static bool IsContractId(string? s) => s is not null && s.Length == 11 && AllDigits(s);

    /// <summary>Bank code and registration PIN: exactly 4 half-width digits.</summary>
    public static bool IsFourDigits(string? s) => s is not null && s.Length == 4 && AllDigits(s);

    /// <summary>User id: 1–30 half-width letters and digits.</summary>
    public static bool IsUserId(string? s) => s is not null && s.Length >= 1 && s.Length <= 30 && AllAlphanumeric(s);

    /// <summary>A PIN under a length range and composition.</summary>
    public static bool IsPin(string? s, int min, int max, PinComposition composition)
    {
        if (s is null || s.Length < min || s.Length > max || !AllAlphanumeric(s))
        {
            return false;
        }

        var hasLetter = false;
        var hasDigit = false;
        foreach (var c in s)
        {
            hasLetter |= IsHalfWidthLetter(c);
            hasDigit |= IsHalfWidthDigit(c);
        }

        return composition switch
        {
            PinComposition.LettersAndDigits => hasLetter && hasDigit,
            PinComposition.DigitsOnly => !hasLetter,
            _ => true,
        };
    }
}
