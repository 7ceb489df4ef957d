using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BizWeb.SampleHost.Pages.Ops;

/// <summary>The 日本語 / English switch on the operations listener (the site's <c>/Language</c> answers only on the site's).</summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/ops/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = culture == "en" ? "en" : "ja-JP";
        Response.Cookies.Append(SiteLanguage.CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)), new CookieOptions
        {
            Path = "/", Secure = true, HttpOnly = true, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromDays(365), IsEssential = true,
        });
        return LocalRedirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/ops", StringComparison.OrdinalIgnoreCase) ? returnUrl : "/ops/");
    }
}
