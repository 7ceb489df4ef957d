namespace BizWeb.SampleHost.Hosting;

/// <summary>
/// Test mode's clock (<c>SampleHost:TestClock</c>): the system clock plus an offset the operations
/// console can only move forward, so a browser test can wait out the 15-minute activation cooldown
/// in a second. Registered only in test mode; the host runs on <see cref="TimeProvider.System"/> otherwise.
/// </summary>
internal sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
