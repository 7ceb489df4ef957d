namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>A consecutive-failure counter; changed only by single conditional statements (see <see cref="EfCredentialCounterStore{TContext}"/>).</summary>
internal sealed class CounterRow
{
    public required string Key { get; set; }

    public int Failures { get; set; }

    /// <summary>UTC ticks after which the counter counts from zero, or <see langword="null"/> to keep it until reset.</summary>
    public long? ExpiresAt { get; set; }
}
