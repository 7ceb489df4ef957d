using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.Admin.Manage.Settings;

/// <summary>
/// ② ファイル伝送契約情報: the 全銀パスワード and the ファイルアクセスキー, with ④ (ファイル伝送契約情報変更).
/// Both are typed twice (they are never shown back, so a typo could not be seen) and never written
/// into a page; the SDK stores the password as a hash and the key encrypted.
/// </summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class FileTransferModel(OptionalSettings settings) : SitePageModel
{
    public bool Registered { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(string? zenginPassword, string? zenginPasswordAgain, string? fileAccessKey, string? fileAccessKeyAgain, string? confirmationPin)
    {
        var matches = true;
        if (!string.Equals(zenginPassword, zenginPasswordAgain, StringComparison.Ordinal))
        {
            Errors.Add(T("全銀パスワードと、確認のため再入力した全銀パスワードが一致しません。", "The Zengin password and its re-entry differ."));
            matches = false;
        }

        if (!string.Equals(fileAccessKey, fileAccessKeyAgain, StringComparison.Ordinal))
        {
            Errors.Add(T("ファイルアクセスキーと、確認のため再入力したファイルアクセスキーが一致しません。", "The file access key and its re-entry differ."));
            matches = false;
        }

        if (!matches || !Show(await settings.SetFileTransferInfoAsync(Admin, zenginPassword, fileAccessKey, confirmationPin, HttpContext.RequestAborted)))
        {
            await LoadAsync();
            return Page();
        }

        Notices.Add(T("ファイル伝送契約情報を変更しました。", "The file-transfer contract was changed."));
        CarryMessages();
        return RedirectToPage("Index");
    }

    private async Task LoadAsync() => Registered = (await settings.GetAsync(Admin, HttpContext.RequestAborted)).FileTransferInfoRegistered;
}
