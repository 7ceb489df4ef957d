using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using BizWeb.Tokens;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.Admin.Manage.Users;

/// <summary>管理者5-1 トークン登録: the token's serial number and current code, authorised by ④.</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class TokenModel(HardwareTokenRegistration registration) : SitePageModel
{
    public string UserId { get; private set; } = string.Empty;

    public IActionResult OnGet(string? id) => Select(id) ? Page() : RedirectToPage("Index");

    public async Task<IActionResult> OnPostAsync(string? id, string? serialNumber, string? tokenCode, string? confirmationPin)
    {
        if (!BizWeb.Auth.UserId.TryParse(id, out var userId) || !Select(id))
        {
            return RedirectToPage("Index");
        }

        var registered = await registration.RegisterAsync(Admin, userId, serialNumber?.Trim() ?? string.Empty, tokenCode ?? string.Empty, confirmationPin ?? string.Empty, HttpContext.RequestAborted);
        if (Show(registered))
        {
            Notices.Add(T($"利用者ID {userId} にトークンを登録しました。", $"The token was registered to {userId}."));
        }

        return Page();
    }

    private bool Select(string? id)
    {
        UserId = BizWeb.Auth.UserId.TryParse(id, out var userId) ? userId.ToString() : string.Empty;
        return UserId.Length > 0;
    }
}
