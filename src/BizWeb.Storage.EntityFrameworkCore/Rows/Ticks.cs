namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Instants are stored as UTC ticks (100 ns since 0001-01-01): exact on SQLite and PostgreSQL alike
/// (the audit hash covers the ticks, so a column that rounded to microseconds would break the chain),
/// and they sort and compare as numbers in SQL.
/// </summary>
internal static class Ticks
{
    public static long From(DateTimeOffset instant) => instant.UtcTicks;

    public static long? From(DateTimeOffset? instant) => instant?.UtcTicks;

    public static DateTimeOffset ToInstant(long ticks) => new(ticks, TimeSpan.Zero);

    public static DateTimeOffset? ToInstant(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
}
