using System.Security.Cryptography;
using BizWeb.Auth;
using Microsoft.AspNetCore.Mvc;

namespace BizWeb.SampleHost.Pages.User.Manage.Transfers;

/// <summary>
/// 資金移動内容入力 (the manual omits it): the draft is checked (permission, payee, fee, every limit)
/// and reviewed at once, which freezes the digest the token code will be bound to (利用者9-1 next).
/// The idempotency key is made when the form is shown, so a double submit never makes two transfers.
/// </summary>
public sealed class NewModel(BizWeb.Auth.Transfers transfers) : SitePageModel
{
    public IReadOnlyList<DebitAccount> Accounts { get; private set; } = [];

    public string IdempotencyKey { get; private set; } = string.Empty;

    public TransferRequest Input { get; private set; } = new();

    public async Task OnGetAsync()
    {
        IdempotencyKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        Accounts = await transfers.ListDebitAccountsAsync(Caller, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync(TransferInput form)
    {
        Input = form.ToRequest();
        IdempotencyKey = form.IdempotencyKey ?? string.Empty;
        if (!form.AmountIsNumber)
        {
            Errors.Add(T("振込金額は半角数字（円）で入力してください。", "Enter the amount in yen, half-width digits."));
        }
        else
        {
            var drafted = await transfers.DraftAsync(SignedInUser, Input, HttpContext.RequestAborted);
            if (Show(drafted))
            {
                var reviewed = await transfers.ReviewAsync(SignedInUser, drafted.Value.Id, HttpContext.RequestAborted);
                if (Show(reviewed))
                {
                    return RedirectToPage("Confirm", new { id = drafted.Value.Id });
                }
            }
        }

        Accounts = await transfers.ListDebitAccountsAsync(Caller, HttpContext.RequestAborted);
        return Page();
    }
}
