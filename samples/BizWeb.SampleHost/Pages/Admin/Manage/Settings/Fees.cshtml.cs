using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.Admin.Manage.Settings;

/// <summary>
/// ④ 振込手数料マスタ: the customer's own 先方負担手数料 by amount band (same branch / same bank / other
/// bank), deducted from payee-borne transfers instead of the bank's fee, with ④ (手数料登録); or no
/// table of its own (the bank's fee is deducted). The last filled band is open-ended (its upper bound
/// left empty); the SDK checks that bands ascend and fees never fall.
/// </summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class FeesModel(OptionalSettings settings) : SitePageModel
{
    private const int MinimumRows = 5;
    private const int BlankRows = 3;

    [BindProperty]
    public List<FeeRow> Bands { get; set; } = [];

    /// <summary>Whether the contract has a table of its own now.</summary>
    public bool Registered { get; private set; }

    public async Task OnGetAsync()
    {
        var bands = (await settings.GetAsync(Admin, HttpContext.RequestAborted)).PayeeBorneFees;
        Registered = bands is not null;
        Bands = [.. (bands ?? []).Select(FeeRow.Of)];
        Pad();
    }

    public async Task<IActionResult> OnPostAsync(string? confirmationPin)
    {
        var filled = Bands.Select((row, index) => (Row: row, Number: index + 1)).Where(r => !r.Row.IsBlank).ToList();
        var bands = new List<FeeBand>();
        var valid = true;
        if (filled.Count == 0)
        {
            Errors.Add(T("金額帯を1行以上入力してください。", "Fill at least one band."));
            valid = false;
        }

        for (var i = 0; i < filled.Count; i++)
        {
            valid &= filled[i].Row.TryRead(filled[i].Number, last: i == filled.Count - 1, Errors, out var band);
            if (band is not null)
            {
                bands.Add(band);
            }
        }

        // A wrong row is the form's error: ④ is not tried and nothing is saved.
        if (!valid || !Show(await settings.SetPayeeBorneFeesAsync(Admin, bands, confirmationPin, HttpContext.RequestAborted)))
        {
            await ReloadAsync();
            return Page();
        }

        Notices.Add(T("振込手数料マスタ（先方負担手数料）を登録しました。", "The payee-borne fees were registered."));
        CarryMessages();
        return RedirectToPage("Index");
    }

    /// <summary>Removes the customer's table: payee-borne transfers deduct the bank's fee again.</summary>
    public async Task<IActionResult> OnPostClearAsync(string? confirmationPin)
    {
        if (!Show(await settings.SetPayeeBorneFeesAsync(Admin, null, confirmationPin, HttpContext.RequestAborted)))
        {
            await OnGetAsync();
            return Page();
        }

        Notices.Add(T("先方負担手数料の設定を削除しました。当金庫所定の振込手数料を差し引きます。", "The payee-borne fees were removed; the bank's fee is deducted."));
        CarryMessages();
        return RedirectToPage("Index");
    }

    private async Task ReloadAsync()
    {
        Registered = (await settings.GetAsync(Admin, HttpContext.RequestAborted)).PayeeBorneFees is not null;
        Pad();
    }

    private void Pad()
    {
        var filled = Bands.FindLastIndex(b => !b.IsBlank) + 1;
        Bands = [.. Bands.Take(filled)];
        while (Bands.Count < Math.Max(filled + BlankRows, MinimumRows))
        {
            Bands.Add(new FeeRow());
        }
    }
}

/// <summary>One band of the ④ table as typed.</summary>
public sealed class FeeRow
{
    /// <summary>The band's upper bound in yen, inclusive; empty on the last band (上限なし).</summary>
    public string? UpTo { get; set; }

    public string? SameBranch { get; set; }

    public string? SameBank { get; set; }

    public string? OtherBank { get; set; }

    public bool IsBlank => string.IsNullOrEmpty(UpTo) && string.IsNullOrEmpty(SameBranch) && string.IsNullOrEmpty(SameBank) && string.IsNullOrEmpty(OtherBank);

    public static FeeRow Of(FeeBand band) => new()
    {
        UpTo = band.UpTo == long.MaxValue ? null : YenInput.Format(band.UpTo),
        SameBranch = YenInput.Format(band.SameBranch),
        SameBank = YenInput.Format(band.SameBank),
        OtherBank = YenInput.Format(band.OtherBank),
    };

    /// <summary>Checks the row (number <paramref name="row"/> in the errors); only the <paramref name="last"/> band is open-ended.</summary>
    public bool TryRead(int row, bool last, List<string> errors, out FeeBand? band)
    {
        band = null;
        var valid = true;
        var upTo = long.MaxValue;
        if (last)
        {
            if (!string.IsNullOrEmpty(UpTo))
            {
                errors.Add(SiteText.T($"{row}行目: 最後の金額帯の上限は空欄（上限なし）にしてください。", $"Row {row}: leave the last band's upper bound empty (and above)."));
                valid = false;
            }
        }
        else if (!YenInput.TryAmount(UpTo, SiteText.T($"{row}行目の振込金額（上限）", $"Row {row} upper bound"), errors, out upTo))
        {
            valid = false;
        }
        else if (upTo < 1)
        {
            errors.Add(SiteText.T($"{row}行目: 振込金額（上限）は1円以上で入力してください。", $"Row {row}: the upper bound is at least 1 yen."));
            valid = false;
        }

        valid &= YenInput.TryAmount(SameBranch, SiteText.T($"{row}行目の同一店内手数料", $"Row {row} same-branch fee"), errors, out var sameBranch);
        valid &= YenInput.TryAmount(SameBank, SiteText.T($"{row}行目の本支店手数料", $"Row {row} same-bank fee"), errors, out var sameBank);
        valid &= YenInput.TryAmount(OtherBank, SiteText.T($"{row}行目の他行手数料", $"Row {row} other-bank fee"), errors, out var otherBank);
        if (valid)
        {
            band = new FeeBand(upTo, sameBranch, sameBank, otherBank);
        }

        return valid;
    }
}
