using BizWeb.SampleHost.Operations;
using static BizWeb.SampleHost.Pages.SiteText;

namespace BizWeb.SampleHost.Pages.Ops.Operators;

/// <summary>
/// The console's operators (operators.json) with their consecutive sign-in failures, and unlocking a
/// locked operator (audited). An operator cannot unlock himself: a locked operator has no session.
/// </summary>
public sealed class IndexModel : OpsPageModel
{
    public IReadOnlyList<(string Id, DateTimeOffset CreatedAt, int Failures)> Operators { get; private set; } = [];

    public string? FilePath { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task OnPostUnlockAsync(string? operatorId)
    {
        var directory = Service<OperatorDirectory>();
        if (operatorId is null || directory.Find(operatorId) is null)
        {
            Errors.Add(T("オペレーターが見つかりません。", "No such operator."));
        }
        else
        {
            await Service<OperatorSignIn>().UnlockAsync(operatorId, Operator.Actor, Aborted);
            Results.Add(T($"{operatorId} のロックを解除しました。", $"{operatorId} was unlocked."));
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var directory = Service<OperatorDirectory>();
        var signIn = Service<OperatorSignIn>();
        FilePath = directory.FilePath;
        var list = new List<(string, DateTimeOffset, int)>();
        foreach (var record in directory.List())
        {
            list.Add((record.Id, record.CreatedAt, await signIn.FailuresAsync(record.Id, Aborted)));
        }

        Operators = list;
    }
}
