using Microsoft.AspNetCore.Mvc;

namespace BizWeb.SampleHost.Pages;

/// <summary>ログアウト: ends the session (POST only, with the anti-forgery token).</summary>
public sealed class SignOutModel : SitePageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await SignOutAsync();
        TempData.Clear();
        return LocalRedirect("/");
    }
}
