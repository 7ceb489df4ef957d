using BizWeb.Auth;

namespace BizWeb.SampleHost.Pages.Ops;

/// <summary>The console's home: who is signed in, the host's clock and the mail backlog, and the menu.</summary>
public sealed class IndexModel(INotificationOutbox outbox) : OpsPageModel
{
    public string OperatorName => OperatorId;

    public DateTimeOffset Now { get; private set; }

    public int PendingNotifications { get; private set; }

    public async Task OnGetAsync()
    {
        Now = Clock.GetUtcNow();
        PendingNotifications = await outbox.CountPendingAsync(Aborted);
    }
}
