using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.User.Manage.Transfers;

/// <summary>
/// 利用者9-1 資金移動確認画面: shows exactly what the reviewed digest covers and takes the token code
/// bound to it. A wrong code counts toward the user's lock; an expired review is reviewed again.
/// </summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class ConfirmModel(BizWeb.Auth.Transfers transfers, Microsoft.Extensions.Options.IOptions<BizWebOptions> options) : SitePageModel
{
    public Transfer? Transfer { get; private set; }

    /// <summary>The review's deadline in the bank's time zone (Asia/Tokyo by default).</summary>
    public string ExpiresAtText => Transfer?.ReviewExpiresAt is { } at
        ? TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZoneId)).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
        : string.Empty;

    public async Task OnGetAsync(Guid id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostAsync(Guid id, string? tokenCode)
    {
        var confirmed = await transfers.ConfirmAsync(SignedInUser, id, tokenCode, HttpContext.RequestAborted);
        if (Show(confirmed))
        {
            return RedirectToPage("Done", new { id });
        }

        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id)
    {
        if (Show(await transfers.ReviewAsync(SignedInUser, id, HttpContext.RequestAborted)))
        {
            return RedirectToPage("Confirm", new { id });
        }

        await LoadAsync(id);
        return Page();
    }

    private async Task LoadAsync(Guid id)
    {
        var found = await transfers.GetAsync(SignedInUser, id, HttpContext.RequestAborted);
        Transfer = Show(found) ? found.Value : null;
    }
}
