using Microsoft.Extensions.Options;

namespace BizWeb.Auth;

/// <summary>The bank's clock: now, and today's date in the bank's time zone (<see cref="BizWebOptions.TimeZoneId"/>) for daily limits and dates.</summary>
internal sealed class BankClock(TimeProvider time, IOptions<BizWebOptions> options)
{
    /// <summary>The bank's time zone.</summary>
    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZoneId);

    /// <summary>Now.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Today in the bank's time zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, TimeZone).DateTime);
}
