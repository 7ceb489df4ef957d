using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Lifecycle;

/// <summary>SPEC.md §2: a deleted user id is free again from the following Monday 00:00 in the bank's time zone.</summary>
public sealed class UserIdQuarantineProperties
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static readonly Gen<DateTimeOffset> Instants =
        from seconds in Gen.Choose(0, int.MaxValue)
        from offsetHours in Gen.Choose(-12, 14)
        select new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(seconds).ToOffset(TimeSpan.FromHours(offsetHours));

    [Property(MaxTest = 2000)]
    public Property For_any_instant_the_release_is_a_Monday_midnight_in_Tokyo_strictly_later_and_within_7_days() =>
        Prop.ForAll(Arb.From(Instants), deletedAt =>
        {
            var released = UserIdQuarantine.ReleasedAt(deletedAt, Tokyo);
            var local = TimeZoneInfo.ConvertTime(released, Tokyo);
            return local.DayOfWeek == DayOfWeek.Monday
                && local.TimeOfDay == TimeSpan.Zero
                && released > deletedAt
                && released - deletedAt <= TimeSpan.FromDays(7);
        });

    [Property(MaxTest = 2000)]
    public Property No_Monday_midnight_lies_between_the_deletion_and_the_release() =>
        Prop.ForAll(Arb.From(Instants), deletedAt =>
        {
            var released = UserIdQuarantine.ReleasedAt(deletedAt, Tokyo);
            var local = TimeZoneInfo.ConvertTime(deletedAt, Tokyo);
            var mondays = Enumerable.Range(1, 7)
                .Select(d => local.Date.AddDays(d))
                .Where(d => d.DayOfWeek == DayOfWeek.Monday)
                .Select(d => new DateTimeOffset(d, Tokyo.GetUtcOffset(d)));
            return mondays.First() == released;
        });

    [Theory]
    [InlineData("2026-11-30T00:00:00+09:00", "2026-12-07T00:00:00+09:00")] // deleted at Monday 00:00 → next week's Monday
    [InlineData("2026-11-29T23:59:59+09:00", "2026-11-30T00:00:00+09:00")] // Sunday night → the next minute's Monday
    [InlineData("2026-11-29T15:30:00+00:00", "2026-12-07T00:00:00+09:00")] // Sunday in UTC is already Monday in Tokyo
    public void Edges(string deleted, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), UserIdQuarantine.ReleasedAt(DateTimeOffset.Parse(deleted, System.Globalization.CultureInfo.InvariantCulture), Tokyo));
}
