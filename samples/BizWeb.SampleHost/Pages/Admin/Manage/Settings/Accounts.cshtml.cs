using BizWeb.AspNetCore;
using System.Globalization;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.Admin.Manage.Settings;

/// <summary>
/// ① ご契約先口座情報: the debit accounts and their limits, replaced as a whole with ④ (契約口座情報変更).
/// A table of the registered accounts plus <see cref="BlankRows"/> empty rows (no script): fill a row
/// to add an account, tick 削除 or clear a row to remove one.
/// </summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class AccountsModel(OptionalSettings settings) : SitePageModel
{
    public const int BlankRows = 5;

    [BindProperty]
    public List<AccountRow> Accounts { get; set; } = [];

    public async Task OnGetAsync()
    {
        var summary = await settings.GetAsync(Admin, HttpContext.RequestAborted);
        Accounts = [.. summary.DebitAccounts.Select(AccountRow.Of)];
        Pad();
    }

    public async Task<IActionResult> OnPostAsync(string? confirmationPin)
    {
        var accounts = new List<DebitAccount>();
        var valid = true;
        for (var i = 0; i < Accounts.Count; i++)
        {
            if (Accounts[i].Remove || Accounts[i].IsBlank)
            {
                continue;
            }

            valid &= Accounts[i].TryRead(i + 1, Errors, out var account);
            if (account is not null)
            {
                accounts.Add(account);
            }
        }

        // A wrong row is the form's error: ④ is not tried and nothing is saved.
        if (!valid || !Show(await settings.SetDebitAccountsAsync(Admin, accounts, confirmationPin, HttpContext.RequestAborted)))
        {
            Pad();
            return Page();
        }

        Notices.Add(T("ご契約先口座情報を変更しました。", "The debit accounts were changed."));
        CarryMessages();
        return RedirectToPage("Index");
    }

    /// <summary>Keeps <see cref="BlankRows"/> empty rows after the filled ones, within the SDK's maximum.</summary>
    private void Pad()
    {
        var filled = Accounts.FindLastIndex(a => !a.IsBlank) + 1;
        Accounts = [.. Accounts.Take(filled)];
        while (Accounts.Count < Math.Min(filled + BlankRows, OptionalSettings.MaxDebitAccounts))
        {
            Accounts.Add(new AccountRow());
        }
    }
}

/// <summary>One row of the ① table as typed.</summary>
public sealed class AccountRow
{
    public string? BranchCode { get; set; }

    /// <summary>The 全銀 code of the 預金種目 (1 普通, 2 当座, 4 貯蓄).</summary>
    public string? AccountType { get; set; }

    public string? AccountNumber { get; set; }

    public string? PerTransfer { get; set; }

    public string? PerDay { get; set; }

    public bool Remove { get; set; }

    /// <summary>A row with nothing typed in it (the account type alone does not count: it always has a value).</summary>
    public bool IsBlank => string.IsNullOrEmpty(BranchCode) && string.IsNullOrEmpty(AccountNumber) && string.IsNullOrEmpty(PerTransfer) && string.IsNullOrEmpty(PerDay);

    public static AccountRow Of(DebitAccount account) => new()
    {
        BranchCode = account.BranchCode,
        AccountType = ((int)account.AccountType).ToString(CultureInfo.InvariantCulture),
        AccountNumber = account.AccountNumber,
        PerTransfer = YenInput.Format(account.Limit.PerTransfer),
        PerDay = YenInput.Format(account.Limit.PerDay),
    };

    /// <summary>Checks the row (number <paramref name="row"/> in the errors); every wrong field adds an error.</summary>
    public bool TryRead(int row, List<string> errors, out DebitAccount? account)
    {
        account = null;
        var valid = true;
        if (!IsDigits(BranchCode, 3))
        {
            errors.Add(SiteText.T($"{row}行目: 店番は3桁の半角数字で入力してください。", $"Row {row}: the branch is 3 half-width digits."));
            valid = false;
        }

        var type = SettingsText.AccountTypes.FirstOrDefault(t => ((int)t).ToString(CultureInfo.InvariantCulture) == AccountType);
        if (type == default)
        {
            errors.Add(SiteText.T($"{row}行目: 科目を選択してください。", $"Row {row}: choose the account type."));
            valid = false;
        }

        if (!IsDigits(AccountNumber, 7))
        {
            errors.Add(SiteText.T($"{row}行目: 口座番号は7桁の半角数字で入力してください。", $"Row {row}: the account number is 7 half-width digits."));
            valid = false;
        }

        var limits = new LimitInput { PerTransfer = PerTransfer, PerDay = PerDay };
        valid &= limits.TryRead(SiteText.T($"{row}行目の限度額", $"Row {row} limit"), errors, out var limit);
        if (valid)
        {
            account = new DebitAccount(BranchCode!, type, AccountNumber!, limit);
        }

        return valid;
    }

    private static bool IsDigits(string? text, int length) => text is not null && text.Length == length && text.All(char.IsAsciiDigit);
}
