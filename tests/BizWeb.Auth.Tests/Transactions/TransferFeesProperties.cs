using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Transactions;

/// <summary>The fee master (振込手数料マスタ) and 先方負担手数料: a pure, property-tested function.</summary>
public sealed class TransferFeesProperties
{
    // A typical shinkin table: below 30,000 yen and from 30,000 yen.
    private static readonly FeeSchedule Bank = FeeSchedule.Create([new FeeBand(29_999, 0, 110, 330), new FeeBand(long.MaxValue, 0, 220, 550)]).Value;

    private static readonly Gen<FeeSchedule> Schedules =
        from count in Gen.Choose(1, 5)
        from bounds in Gen.ArrayOf(Gen.Choose(1, 5_000_000), count - 1)
        from fees in Gen.ArrayOf(Gen.Choose(0, 2_000), count * 3)
        let uppers = bounds.Distinct().Order().Select(b => (long)b).Append(long.MaxValue).ToArray()
        let sorted = Enumerable.Range(0, 3).Select(r => Enumerable.Range(0, uppers.Length).Select(i => (long)fees[(i * 3) + r]).Order().ToArray()).ToArray()
        select FeeSchedule.Create([.. uppers.Select((u, i) => new FeeBand(u, sorted[0][i], sorted[1][i], sorted[2][i]))]).Value;

    private static readonly Gen<long> Amounts = Gen.OneOf(Gen.Choose(1, 100_000).Select(a => (long)a), Gen.Choose(1, int.MaxValue).Select(a => (long)a));

    private static readonly Gen<PayeeRelation> Relations = Gen.Elements(Enum.GetValues<PayeeRelation>());

    [Property(MaxTest = 1000)]
    public Property The_fee_never_falls_as_the_amount_rises() =>
        Prop.ForAll(
            Arb.From(from schedule in Schedules from a in Amounts from b in Amounts from relation in Relations select (schedule, a, b, relation)),
            c =>
            {
                var (low, high) = c.a <= c.b ? (c.a, c.b) : (c.b, c.a);
                return c.schedule.FeeFor(low, c.relation) <= c.schedule.FeeFor(high, c.relation);
            });

    [Property(MaxTest = 1000)]
    public Property The_payee_never_receives_a_negative_amount_and_the_quote_adds_up() =>
        Prop.ForAll(
            Arb.From(
                from bank in Schedules
                from own in Gen.OneOf(Gen.Constant<FeeSchedule?>(null), Schedules.Select(s => (FeeSchedule?)s))
                from amount in Amounts
                from relation in Relations
                from bearer in Gen.Elements(Enum.GetValues<FeeBearer>())
                select (bank, own, amount, relation, bearer)),
            c =>
            {
                var (bank, own, amount, relation, bearer) = c;
                var quote = TransferFees.Quote(amount, relation, bearer, bank, own);
                if (!quote.Succeeded)
                {
                    // Refused only when the deduction would leave nothing.
                    return quote.ErrorCode == MessageCode.TransferAmountBelowFee && bearer == FeeBearer.Payee && (own ?? bank).FeeFor(amount, relation) >= amount;
                }

                var q = quote.Value;
                return q.PayeeReceives > 0
                    && q.Amount == amount
                    && q.PayeeReceives == amount - q.Deduction
                    && q.Debited == q.PayeeReceives + q.Fee
                    && (bearer == FeeBearer.Payer ? q.Deduction == 0 : q.Deduction == (own ?? bank).FeeFor(amount, relation))
                    && q.Fee == bank.FeeFor(q.PayeeReceives, relation);
            });

    [Theory]
    [InlineData(10_000L, PayeeRelation.OtherBank, FeeBearer.Payer, 0L, 10_000L, 330L, 10_330L)]
    [InlineData(29_999L, PayeeRelation.SameBank, FeeBearer.Payer, 0L, 29_999L, 110L, 30_109L)]
    [InlineData(30_000L, PayeeRelation.SameBank, FeeBearer.Payer, 0L, 30_000L, 220L, 30_220L)]
    [InlineData(30_000L, PayeeRelation.OtherBank, FeeBearer.Payee, 550L, 29_450L, 330L, 29_780L)]
    [InlineData(50_000L, PayeeRelation.SameBranch, FeeBearer.Payee, 0L, 50_000L, 0L, 50_000L)]
    public void Known_quotes(long amount, PayeeRelation relation, FeeBearer bearer, long deduction, long receives, long fee, long debited) =>
        Assert.Equal(new TransferQuote(amount, deduction, receives, fee, debited), TransferFees.Quote(amount, relation, bearer, Bank).Value);

    [Fact]
    public void The_customers_own_payee_borne_fee_replaces_the_banks_for_the_deduction()
    {
        var own = FeeSchedule.Create([new FeeBand(long.MaxValue, 0, 100, 300)]).Value;
        var quote = TransferFees.Quote(50_000, PayeeRelation.OtherBank, FeeBearer.Payee, Bank, own).Value;
        Assert.Equal(300, quote.Deduction);
        Assert.Equal(550, quote.Fee);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(10_000_000_000_000L)]
    public void Amounts_outside_1_to_13_digits_are_refused(long amount) =>
        Assert.Equal(MessageCode.TransferAmountInvalid, TransferFees.Quote(amount, PayeeRelation.OtherBank, FeeBearer.Payer, Bank).ErrorCode);

    [Fact]
    public void A_deduction_that_leaves_nothing_is_refused() =>
        Assert.Equal(MessageCode.TransferAmountBelowFee, TransferFees.Quote(330, PayeeRelation.OtherBank, FeeBearer.Payee, Bank).ErrorCode);

    [Fact]
    public void Broken_tables_are_refused()
    {
        Assert.Equal(MessageCode.FeeScheduleInvalid, FeeSchedule.Create([]).ErrorCode);
        Assert.Equal(MessageCode.FeeScheduleInvalid, FeeSchedule.Create([new FeeBand(30_000, 0, 0, 0)]).ErrorCode);
        Assert.Equal(MessageCode.FeeScheduleInvalid, FeeSchedule.Create([new FeeBand(30_000, 0, 0, 500), new FeeBand(long.MaxValue, 0, 0, 400)]).ErrorCode);
        Assert.Equal(MessageCode.FeeScheduleInvalid, FeeSchedule.Create([new FeeBand(long.MaxValue, -1, 0, 0)]).ErrorCode);
    }
}
