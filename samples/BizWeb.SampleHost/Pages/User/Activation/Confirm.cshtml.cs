using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.User.Activation;

/// <summary>
/// 利用者7-4: a. temporary and b. new login PIN ⑤, c. temporary and d. new confirmation PIN ⑥, and e. the
/// e-mail address only when the administrator registered none. Success signs the user in.
/// </summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class ConfirmModel(UserActivation activation) : SitePageModel
{
    internal const string HasEmailKey = "activation-has-email";

    public bool HasEmail => TempData.Peek(HasEmailKey) as bool? ?? false;

    public string? Email { get; private set; }

    public IActionResult OnGet() => FlowHandle is null ? RedirectToPage("Index") : Page();

    public async Task<IActionResult> OnPostAsync(string? temporaryLoginPin, string? newLoginPin, string? temporaryConfirmationPin, string? newConfirmationPin, string? email)
    {
        Email = email;
        var request = new UserActivationRequest
        {
            TemporaryLoginPin = temporaryLoginPin,
            NewLoginPin = newLoginPin,
            TemporaryConfirmationPin = temporaryConfirmationPin,
            NewConfirmationPin = newConfirmationPin,
            Email = HasEmail ? null : email,
        };
        var completed = await activation.CompleteAsync(FlowHandle, request, Anonymous, HttpContext.RequestAborted);
        if (!Show(completed))
        {
            return Page();
        }

        await SignInAsync(completed.Value);
        CarryMessages();
        return RedirectToPage("Complete");
    }
}
