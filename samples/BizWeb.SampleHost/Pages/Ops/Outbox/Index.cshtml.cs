using BizWeb.Auth;

namespace BizWeb.SampleHost.Pages.Ops.Outbox;

/// <summary>
/// The security e-mail outbox (INotificationOutbox): the backlog, the notifications due now, and one
/// contract's notifications with their delivery state (pending, delivered, abandoned). Notifications
/// hold no secrets; the addresses are masked anyway.
/// </summary>
public sealed class IndexModel(INotificationOutbox outbox) : OpsPageModel
{
    private const int DueLimit = 100;

    public int Pending { get; private set; }

    public IReadOnlyList<SecurityNotification> Due { get; private set; } = [];

    public string? ContractIdInput { get; private set; }

    public IReadOnlyList<SecurityNotification>? ForContract { get; private set; }

    public async Task OnGetAsync(string? contractId)
    {
        Pending = await outbox.CountPendingAsync(Aborted);
        Due = await outbox.ListDueAsync(Clock.GetUtcNow(), DueLimit, Aborted);
        ContractIdInput = contractId;
        if (!string.IsNullOrEmpty(contractId) && Parsed(ContractId.Parse(contractId), out var id))
        {
            ForContract = await outbox.ListForContractAsync(id, Aborted);
        }
    }

    public static string StatusOf(SecurityNotification n) =>
        n.DeliveredAt is not null ? "delivered" : n.Abandoned ? "abandoned" : "pending";
}
