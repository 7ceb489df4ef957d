using BizWeb.Auth;
using Microsoft.AspNetCore.Mvc;

namespace BizWeb.SampleHost.Pages;

/// <summary>
/// ご契約先認証情報変更 and 利用者情報変更: the signed-in administrator changes ③, ④ and the e-mail
/// address (authorised by ④); a user changes ⑤, ⑥ and the e-mail address (authorised by ⑥). Each PIN
/// change renews the security stamp, so the session continues with the new one.
/// </summary>
public abstract class PinChangesPageModel(CredentialChanges changes) : SitePageModel
{
    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostLoginPinAsync(string? currentPin, string? newPin, string? newPinAgain) =>
        ChangePinAsync(newPin, newPinAgain, T("暗証番号を変更しました。", "Your PIN was changed."), () => Caller is SignedInAdministrator admin
            ? changes.ChangeAdminLoginPinAsync(admin, currentPin, newPin, HttpContext.RequestAborted)
            : changes.ChangeUserLoginPinAsync(SignedInUser, currentPin, newPin, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostConfirmationPinAsync(string? currentPin, string? newPin, string? newPinAgain) =>
        ChangePinAsync(newPin, newPinAgain, T("確認暗証番号を変更しました。", "Your confirmation PIN was changed."), () => Caller is SignedInAdministrator admin
            ? changes.ChangeAdminConfirmationPinAsync(admin, currentPin, newPin, HttpContext.RequestAborted)
            : changes.ChangeUserConfirmationPinAsync(SignedInUser, currentPin, newPin, HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostEmailAsync(string? confirmationPin, string? email)
    {
        if (Show(await changes.ChangeEmailAsync(Caller, confirmationPin, email, HttpContext.RequestAborted)))
        {
            Notices.Add(T("Eメールアドレスを変更しました。", "Your e-mail address was changed."));
        }

        return Page();
    }

    private async Task<IActionResult> ChangePinAsync(string? newPin, string? newPinAgain, string done, Func<ValueTask<AuthResult<SignedInPrincipal>>> change)
    {
        // A mistyped new PIN would lock its owner out at the next sign-in: the host asks for it twice.
        if (!string.Equals(newPin, newPinAgain, StringComparison.Ordinal))
        {
            Errors.Add(T("新しい暗証番号と確認のための再入力が一致しません。", "The new PIN and its re-entry differ."));
            return Page();
        }

        var changed = await change();
        if (Show(changed))
        {
            await RenewSessionAsync(changed.Value);
            Notices.Add(done);
        }

        return Page();
    }
}
