using System.Globalization;

namespace BizWeb.SampleHost.Pages;

/// <summary>
/// The two languages of the host: Japanese (the manual's wording, the default) and English. Every
/// label is written once as a pair where it is used, so a screen reads like the manual's.
/// </summary>
public static class SiteText
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string ja, string en) => IsEnglish ? en : ja;
}
