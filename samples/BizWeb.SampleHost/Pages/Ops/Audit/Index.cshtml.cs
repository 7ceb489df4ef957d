using BizWeb.Auth;
using BizWeb.SampleHost.Operations;
using static BizWeb.SampleHost.Pages.SiteText;

namespace BizWeb.SampleHost.Pages.Ops.Audit;

/// <summary>The hash-chained audit trail, a page at a time (AuditTrail.ReadAsync), and its chain verification (AuditTrail.VerifyAsync).</summary>
public sealed class IndexModel(AuditTrail trail) : OpsPageModel
{
    public const int DefaultPageSize = 50;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public long After { get; private set; }

    public int Size { get; private set; } = DefaultPageSize;

    public AuditChainVerification? Verification { get; private set; }

    public Task OnGetAsync(long after, int size) => LoadAsync(after, size);

    public async Task OnPostVerifyAsync(long after, int size)
    {
        var verification = await trail.VerifyAsync(Aborted);
        Verification = verification;
        await Service<OperatorAudit>().AppendAsync(
            Operator.Actor,
            "AuditChainVerified",
            verification.IsIntact ? AuditOutcome.Succeeded : AuditOutcome.Failed,
            verification.IsIntact ? $"{verification.VerifiedRecords} records intact" : $"broken at {verification.FirstBrokenSequence}",
            cancellationToken: Aborted);
        if (verification.IsIntact)
        {
            Results.Add(T($"監査証跡は改ざんされていません（{verification.VerifiedRecords}件）。", $"The audit trail is intact ({verification.VerifiedRecords} records)."));
        }
        else
        {
            Errors.Add(T($"監査証跡の連鎖が {verification.FirstBrokenSequence} 番で切れています。", $"The audit chain breaks at record {verification.FirstBrokenSequence}."));
        }

        await LoadAsync(after, size);
    }

    private async Task LoadAsync(long after, int size)
    {
        After = Math.Max(0, after);
        Size = size is >= 1 and <= 1000 ? size : DefaultPageSize;
        Entries = await trail.ReadAsync(After, Size, Aborted);
    }
}
