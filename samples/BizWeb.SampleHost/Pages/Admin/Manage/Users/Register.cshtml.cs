using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.Admin.Manage.Users;

/// <summary>管理者4-2 利用者情報登録: a. … i., authorised by j. the confirmation PIN ④.</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class RegisterModel(UserAdministration users) : SitePageModel
{
    [BindProperty]
    public UserForm Form { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? temporaryLoginPin, string? temporaryConfirmationPin, string? confirmationPin)
    {
        var catalogue = UserServices.Catalogue(HttpContext.RequestServices);
        if (!Form.TryReadLimits(catalogue, Errors, out var limits))
        {
            return Page();
        }

        var registered = await users.RegisterAsync(Admin, Form.ToRegistration(catalogue, limits, temporaryLoginPin, temporaryConfirmationPin), confirmationPin, HttpContext.RequestAborted);
        if (!Show(registered))
        {
            return Page();
        }

        TempData[IndexModel.RegisteredKey] = Form.UserId;
        CarryMessages();
        return RedirectToPage("Index");
    }
}
