using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.Admin.Manage.Users;

/// <summary>
/// One user of the contract: 利用者情報変更, 暗証番号再設定 (Q4-1), 利用中止解除 and 利用者情報登録抹消,
/// each authorised by the confirmation PIN ④.
/// </summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class EditModel(UserAdministration users) : SitePageModel
{
    [BindProperty]
    public UserForm Form { get; set; } = new();

    public string UserId { get; private set; } = string.Empty;

    public string State { get; private set; } = string.Empty;

    public bool Suspended { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? id) =>
        await LoadAsync(id, keepForm: false) ? Page() : RedirectToPage("Index");

    public async Task<IActionResult> OnPostChangeAsync(string? id, string? confirmationPin)
    {
        var catalogue = UserServices.Catalogue(HttpContext.RequestServices);
        if (!Form.TryReadLimits(catalogue, Errors, out var limits))
        {
            // A wrong limit is the form's error: ④ is not tried, nothing is saved, the input stays.
            return await LoadAsync(id, keepForm: true) ? Page() : RedirectToPage("Index");
        }

        return await ActAsync(id, keepForm: true, T("利用者情報を変更しました。", "The user's details were changed."),
            userId => users.ChangeAsync(Admin, userId, Form.ToChange(catalogue, limits), confirmationPin, HttpContext.RequestAborted));
    }

    public Task<IActionResult> OnPostResetPinsAsync(string? id, string? loginPin, string? userConfirmationPin, string? confirmationPin) =>
        ActAsync(id, keepForm: false, T("暗証番号を再設定しました。利用者に新しい暗証番号を通知してください。", "New PINs set. Tell the user the new PINs."),
            userId => users.ResetPinsAsync(Admin, userId, loginPin, userConfirmationPin, confirmationPin, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostReleaseAsync(string? id, string? confirmationPin) =>
        ActAsync(id, keepForm: false, T("利用中止を解除しました。", "The suspension was released."),
            userId => users.ReleaseSuspensionAsync(Admin, userId, confirmationPin, HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostDeleteAsync(string? id, string? confirmationPin)
    {
        if (!BizWeb.Auth.UserId.TryParse(id, out var userId) || !await LoadAsync(id, keepForm: false))
        {
            return RedirectToPage("Index");
        }

        if (!Show(await users.DeleteAsync(Admin, userId, confirmationPin, HttpContext.RequestAborted)))
        {
            return Page();
        }

        Notices.Add(T($"利用者ID {userId} を抹消しました。", $"User {userId} was deleted."));
        CarryMessages();
        return RedirectToPage("Index");
    }

    private async Task<IActionResult> ActAsync(string? id, bool keepForm, string done, Func<UserId, ValueTask<AuthResult>> act)
    {
        if (!BizWeb.Auth.UserId.TryParse(id, out var userId))
        {
            return RedirectToPage("Index");
        }

        var succeeded = Show(await act(userId));
        if (succeeded)
        {
            Notices.Add(done);
        }

        // After a failed change the administrator's input stays; otherwise the stored values show.
        return await LoadAsync(id, keepForm && !succeeded) ? Page() : RedirectToPage("Index");
    }

    private async Task<bool> LoadAsync(string? id, bool keepForm)
    {
        var user = (await users.ListAsync(Admin, HttpContext.RequestAborted)).FirstOrDefault(u => u.UserId.ToString() == id);
        if (user is null)
        {
            return false;
        }

        UserId = user.UserId.ToString();
        State = UserStates.NameOf(user);
        Suspended = user.State == UserState.Suspended;
        if (!keepForm)
        {
            Form = UserForm.Of(user);
        }

        return true;
    }
}
