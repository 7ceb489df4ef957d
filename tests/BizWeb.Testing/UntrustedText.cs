using FsCheck;
using FsCheck.Fluent;

namespace BizWeb.Testing;

/// <summary>
/// FsCheck generators for the text a person or an attacker may type: half-width digits, letters
/// and symbols mixed with full-width forms, other scripts' digits, white space, control
/// characters, kana and kanji, and paired and unpaired surrogates; sometimes null, empty or huge.
/// </summary>
public static class UntrustedText
{
    /// <summary>Characters the SDK must reject as "not half-width".</summary>
    public static readonly char[] NotHalfWidth =
    [
        '１', '２', '０', '９', 'ａ', 'Ｚ', '＃', '　',           // full-width digits, letters, symbol, ideographic space
        '٠', '٣', '٩', '۴', '०', '५', '९',                     // Arabic-Indic, Extended Arabic-Indic, Devanagari digits
        ' ', '\t', '\n', '\r', '\u00A0', '\u2003', '\u200B',     // white space and zero-width space
        'ア', 'ｱ', '漢', 'é', 'ß', 'Ω', '\u00AD',               // katakana, half-width katakana, kanji, Latin-1, Greek, soft hyphen
        '\uD83D', '\uDE00',                                     // surrogate halves
    ];

    /// <summary>ASCII symbols and ASCII control characters (not white space).</summary>
    public static readonly char[] AsciiSymbols = ['!', '-', '_', '.', '@', '/', ':', '~', '\0', '\u0001', '\u007F', '"', '\''];

    /// <summary>One character from any class, weighted towards the valid ones.</summary>
    public static Gen<char> AnyChar { get; } = Gen.Frequency(
        (6, Gen.Choose('0', '9').Select(i => (char)i)),
        (4, Gen.Choose('a', 'z').Select(i => (char)i)),
        (3, Gen.Choose('A', 'Z').Select(i => (char)i)),
        (2, Gen.Elements(AsciiSymbols)),
        (2, Gen.Elements(NotHalfWidth)),
        (1, Gen.Choose(0, 0xFFFF).Select(i => (char)i)));

    /// <summary>Text of up to 40 characters from <see cref="AnyChar"/>, plus null, empty, surrogate pairs and 10,000-character strings.</summary>
    public static Gen<string?> AnyText { get; } = Gen.Frequency(
        (1, Gen.Constant<string?>(null)),
        (1, Gen.Constant<string?>(string.Empty)),
        (1, Gen.Constant<string?>("😀12345678901")),
        (1, Gen.Elements('1', 'a', '１', '\0').Select(c => (string?)new string(c, 10_000))),
        (30, Gen.Choose(1, 40).SelectMany(n => AnyChar.ArrayOf(n)).Select(cs => (string?)new string(cs))));

    /// <summary>Text of <paramref name="minLength"/> to <paramref name="maxLength"/> characters drawn from <paramref name="alphabet"/>.</summary>
    public static Gen<string> Of(string alphabet, int minLength, int maxLength) =>
        Gen.Choose(minLength, maxLength)
            .SelectMany(n => Gen.Elements(alphabet.ToCharArray()).ArrayOf(n))
            .Select(cs => new string(cs));

    /// <summary>ASCII digits.</summary>
    public const string Digits = "0123456789";

    /// <summary>ASCII letters and digits.</summary>
    public const string Alphanumerics = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
}
