using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Transactions;

/// <summary>A transfer is authorised only if it fits every limit, checked against an independent oracle.</summary>
public sealed class TransferLimitsProperties
{
    private static readonly Gen<long?> Limit = Gen.OneOf(Gen.Constant<long?>(null), Gen.Choose(1, 2_000_000).Select(v => (long?)v), Gen.Constant<long?>(long.MaxValue));

    private static readonly Gen<LimitUsage> Usages =
        from perTransfer in Limit
        from perDay in Limit
        from used in Gen.OneOf(Gen.Choose(0, 2_000_000).Select(v => (long)v), Gen.Constant(long.MaxValue - 1))
        select new LimitUsage(new TransferLimit(perTransfer, perDay), used);

    /// <summary>The oracle: plain decimal arithmetic, no overflow possible.</summary>
    private static bool Fits(long amount, IEnumerable<LimitUsage> usages) =>
        usages.All(u => (u.Limit.PerTransfer is null || amount <= u.Limit.PerTransfer)
            && (u.Limit.PerDay is null || (decimal)u.UsedToday + amount <= u.Limit.PerDay));

    [Property(MaxTest = 3000)]
    public Property Authorised_exactly_when_every_limit_fits() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, 3_000_000).Select(v => (long)v)), Arb.From(Gen.ListOf(Usages).Select(l => l.Take(4).ToList())), (amount, usages) =>
            TransferLimits.Check(amount, usages).Succeeded == Fits(amount, usages));

    [Fact]
    public void Exceeding_a_limit_by_one_yen_is_refused_and_meeting_it_is_not()
    {
        var usages = new[] { new LimitUsage(new TransferLimit(100_000, 500_000), 400_000) };
        Assert.True(TransferLimits.Check(100_000, usages).Succeeded);
        Assert.Equal(MessageCode.TransferLimitExceeded, TransferLimits.Check(100_001, usages).ErrorCode);
        var day = TransferLimits.Check(100_001, [new LimitUsage(new TransferLimit(null, 500_000), 400_000)]);
        Assert.Equal(MessageCode.DailyLimitExceeded, day.ErrorCode);
    }

    [Fact]
    public void Both_kinds_of_excess_are_reported_together()
    {
        var result = TransferLimits.Check(10, [new LimitUsage(new TransferLimit(5, null), 0), new LimitUsage(new TransferLimit(null, 5), 0)]);
        Assert.Equal([MessageCode.TransferLimitExceeded, MessageCode.DailyLimitExceeded], result.Errors.Select(e => e.Code));
    }
}
