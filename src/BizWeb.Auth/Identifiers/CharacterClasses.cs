namespace BizWeb.Auth;

/// <summary>
/// What kinds of characters a piece of input holds, counted in one pass without allocating.
/// "Half-width" here means printable ASCII: full-width forms (<c>１２３</c>, <c>ａｂｃ</c>), every
/// other non-ASCII character (Arabic-Indic or Devanagari digits, kana, surrogates) and white space
/// are <see cref="NotHalfWidth"/> and are never normalised into ASCII.
/// </summary>
internal readonly struct CharacterClasses
{
    private CharacterClasses(int length, int digits, int letters, int symbols, int notHalfWidth)
    {
        Length = length;
        Digits = digits;
        Letters = letters;
        Symbols = symbols;
        NotHalfWidth = notHalfWidth;
    }

    /// <summary>UTF-16 code units in the input.</summary>
    public int Length { get; }

    /// <summary>ASCII digits 0-9.</summary>
    public int Digits { get; }

    /// <summary>ASCII letters A-Z and a-z.</summary>
    public int Letters { get; }

    /// <summary>ASCII symbols and ASCII control characters other than white space.</summary>
    public int Symbols { get; }

    /// <summary>Non-ASCII characters and white space of any kind.</summary>
    public int NotHalfWidth { get; }

    public static CharacterClasses Of(ReadOnlySpan<char> text)
    {
        int digits = 0, letters = 0, symbols = 0, notHalfWidth = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsAsciiLetter(c))
            {
                letters++;
            }
            else if (!char.IsAscii(c) || char.IsWhiteSpace(c))
            {
                notHalfWidth++;
            }
            else
            {
                symbols++;
            }
        }

        return new CharacterClasses(text.Length, digits, letters, symbols, notHalfWidth);
    }
}
