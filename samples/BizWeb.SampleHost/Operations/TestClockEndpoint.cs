using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;

namespace BizWeb.SampleHost.Operations;

/// <summary>
/// Test mode only (<c>SampleHost:TestClock</c>): <c>POST /ops/test/clock/advance?minutes=N</c> moves the
/// host's clock forward for a browser test, without operator sign-in, on the operations listener. The
/// route is not mapped at all when test mode is off.
/// </summary>
internal static class TestClockEndpoint
{
    /// <summary>The header a caller must send (any value): a browser cannot add it cross-site without a preflight.</summary>
    public const string RequiredHeader = "X-BizWeb-Test-Clock";

    public const string Path = "/ops/test/clock/advance";
    public const int MaxMinutes = 7 * 24 * 60;

    public static void MapTestClock(this WebApplication app)
    {
        if (app.Services.GetService<AdjustableClock>() is null)
        {
            return;
        }

        app.MapPost(Path, async (int minutes, HttpContext context, AdjustableClock clock, OperatorAudit audit, ILogger<AdjustableClock> logger) =>
        {
            // A custom header forces a CORS preflight, so no web page open in the tester's browser can
            // move the clock with a simple cross-site POST.
            if (!context.Request.Headers.ContainsKey(RequiredHeader))
            {
                return Results.BadRequest(new { error = $"the {RequiredHeader} header is required" });
            }

            if (minutes is < 1 or > MaxMinutes)
            {
                return Results.BadRequest(new { error = $"minutes must be between 1 and {MaxMinutes}" });
            }

            var offset = await AdvanceAsync(clock, minutes, AuditActor.BankOperator("test-harness", context.Connection.RemoteIpAddress?.ToString()), audit, logger, context.RequestAborted);
            return Results.Ok(new { offsetMinutes = offset.TotalMinutes, utcNow = clock.GetUtcNow() });
        });
    }

    /// <summary>Moves the clock, audits and logs it; shared by the endpoint and the console's form.</summary>
    public static async Task<TimeSpan> AdvanceAsync(AdjustableClock clock, int minutes, AuditActor actor, OperatorAudit audit, ILogger logger, CancellationToken cancellationToken)
    {
        clock.Advance(TimeSpan.FromMinutes(minutes));
        await audit.AppendAsync(actor, "TestClockAdvanced", AuditOutcome.Succeeded, $"+{minutes} min, offset {clock.Offset}", cancellationToken: cancellationToken);
        OperationsLog.TestClockAdvanced(logger, minutes, clock.Offset);
        return clock.Offset;
    }
}
