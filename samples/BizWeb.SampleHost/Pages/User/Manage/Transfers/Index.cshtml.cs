using BizWeb.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BizWeb.SampleHost.Pages.User.Manage.Transfers;

/// <summary>The user's transfers, and 資金移動先予約取消 for a future-dated one (notifies the user).</summary>
public sealed class IndexModel(BizWeb.Auth.Transfers transfers, IOptions<BizWebOptions> options) : SitePageModel
{
    public IReadOnlyList<Transfer> Items { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCancelAsync(Guid id)
    {
        var cancelled = await transfers.CancelAsync(SignedInUser, id, HttpContext.RequestAborted);
        if (Show(cancelled))
        {
            Notices.Add(T("振込予約を取り消しました。", "The scheduled transfer was cancelled."));
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Items = await transfers.ListAsync(SignedInUser, cancellationToken: HttpContext.RequestAborted);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZoneId);
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), zone).DateTime);
    }
}
