using BizWeb.SampleHost.Hosting;
using BizWeb.SampleHost.Operations;
using static BizWeb.SampleHost.Pages.SiteText;

namespace BizWeb.SampleHost.Pages.Ops;

/// <summary>
/// Test mode only: moves the host's clock forward (e.g. past the 15-minute activation cooldown). Without
/// test mode this page has no route (see <see cref="OperationsConsole"/>).
/// </summary>
public sealed class TestClockModel : OpsPageModel
{
    public DateTimeOffset Now { get; private set; }

    public TimeSpan Offset { get; private set; }

    public void OnGet() => Read();

    public async Task OnPostAsync(int minutes)
    {
        if (minutes is < 1 or > TestClockEndpoint.MaxMinutes)
        {
            Errors.Add(T($"1～{TestClockEndpoint.MaxMinutes}分を指定してください。", $"Enter 1 to {TestClockEndpoint.MaxMinutes} minutes."));
        }
        else
        {
            await TestClockEndpoint.AdvanceAsync(Service<AdjustableClock>(), minutes, Operator.Actor, Service<OperatorAudit>(), Service<ILogger<TestClockModel>>(), Aborted);
            Results.Add(T($"時計を{minutes}分進めました。", $"The clock moved forward {minutes} minutes."));
        }

        Read();
    }

    private void Read()
    {
        var clock = Service<AdjustableClock>();
        Now = clock.GetUtcNow();
        Offset = clock.Offset;
    }
}
