using System.Globalization;

namespace BizWeb.Auth;

/// <summary>Limits of the user's names (利用者名), which the manual leaves open.</summary>
internal static class UserNames
{
    /// <summary>The longest name accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 60;

    /// <summary>
    /// No control (Cc) or format (Cf: bidi overrides and isolates, zero-width joiners, soft hyphen …)
    /// character and no lone surrogate: what an administrator reads is what the name is.
    /// </summary>
    public static bool HasOnlyAllowedCharacters(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(name, i) is UnicodeCategory.Format)
                {
                    return false; // e.g. the tag characters U+E0001 …
                }

                i++;
                continue;
            }

            if (char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }
}
