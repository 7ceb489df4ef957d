namespace BizWeb.SampleHost.Pages;

/// <summary>The language preference cookie.</summary>
public static class SiteLanguage
{
    public const string CookieName = "__Host-BizWeb.Language";
}
