namespace BizWeb.Auth;

/// <summary>
/// <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §2: a deleted (抹消) user id cannot be registered again until the following Monday
/// (翌週月曜日以降), 00:00 in the bank's time zone.
/// </summary>
public static class UserIdQuarantine
{
    /// <summary>
    /// The instant a user id deleted at <paramref name="deletedAt"/> becomes free: the first Monday
    /// 00:00 in <paramref name="timeZone"/> strictly after it, at most 7 days later.
    /// </summary>
    /// <param name="deletedAt">When the user was deleted.</param>
    /// <param name="timeZone">The bank's time zone (Asia/Tokyo by default).</param>
    /// <returns>The release instant.</returns>
    public static DateTimeOffset ReleasedAt(DateTimeOffset deletedAt, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var local = TimeZoneInfo.ConvertTime(deletedAt, timeZone);
        var daysUntilMonday = ((int)DayOfWeek.Monday - (int)local.DayOfWeek + 7) % 7;
        var monday = local.Date.AddDays(daysUntilMonday == 0 ? 7 : daysUntilMonday);
        // Midnight may not exist or be ambiguous on a DST change; take the first valid instant at or after it.
        while (timeZone.IsInvalidTime(monday))
        {
            monday = monday.AddMinutes(1);
        }

        return new DateTimeOffset(monday, timeZone.GetUtcOffset(monday));
    }
}
