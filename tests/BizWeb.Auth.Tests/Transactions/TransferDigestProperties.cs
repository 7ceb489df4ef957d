using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Transactions;

/// <summary>Dynamic linking: the digest changes whenever any displayed field changes.</summary>
public sealed class TransferDigestProperties
{
    private static readonly TransferDetails Reviewed = new()
    {
        DebitAccount = "001-1-1234567",
        PayeeBankCode = "0009",
        PayeeBranchCode = "123",
        PayeeAccountType = PayeeAccountType.Ordinary,
        PayeeAccountNumber = "7654321",
        PayeeName = "ｶ)ﾏﾙﾊﾞﾂｼｮｳｼﾞ",
        Quote = new TransferQuote(100_000, 0, 100_000, 550, 100_550),
        FeeBearer = FeeBearer.Payer,
        ExecutionDate = new DateOnly(2026, 11, 26),
    };

    private static readonly Gen<TransferDetails> Changes = Gen.OneOf(
        Gen.Choose(1, 9_999_999).Select(v => Reviewed with { Quote = Reviewed.Quote with { Amount = Reviewed.Quote.Amount + v } }),
        Gen.Choose(1, 999).Select(v => Reviewed with { Quote = Reviewed.Quote with { Fee = Reviewed.Quote.Fee + v } }),
        Gen.Choose(1, 999).Select(v => Reviewed with { Quote = Reviewed.Quote with { Deduction = v } }),
        Gen.Choose(1, 999).Select(v => Reviewed with { Quote = Reviewed.Quote with { PayeeReceives = Reviewed.Quote.PayeeReceives - v } }),
        Gen.Choose(1, 999).Select(v => Reviewed with { Quote = Reviewed.Quote with { Debited = Reviewed.Quote.Debited + v } }),
        Gen.Choose(0, 9998).Select(v => Reviewed with { PayeeBankCode = (v >= 9 ? v + 1 : v).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) }),
        Gen.Choose(0, 998).Select(v => Reviewed with { PayeeBranchCode = (v >= 123 ? v + 1 : v).ToString("D3", System.Globalization.CultureInfo.InvariantCulture) }),
        Gen.Elements(PayeeAccountType.Current, PayeeAccountType.Savings).Select(t => Reviewed with { PayeeAccountType = t }),
        Gen.Choose(0, 9_999_998).Select(v => Reviewed with { PayeeAccountNumber = (v >= 7_654_321 ? v + 1 : v).ToString("D7", System.Globalization.CultureInfo.InvariantCulture) }),
        Gen.Elements("ｶ)ﾏﾙﾊﾞﾂｼｮｳｼﾞ ", "ｶ)ﾏﾙﾊﾞﾂｼｮｳｼ", "ｶ)ﾏﾙﾊﾞﾂｼｮｳｼﾞﾔ", "ｶ)ﾏﾙﾊﾞﾂ").Select(n => Reviewed with { PayeeName = n }),
        Gen.Elements("0", "1", "2", "3", "4", "5", "6", "8", "9").Select(v => Reviewed with { DebitAccount = "001-1-123456" + v }),
        Gen.Choose(1, 365).Select(d => Reviewed with { ExecutionDate = Reviewed.ExecutionDate.AddDays(d) }),
        Gen.Constant(Reviewed with { FeeBearer = FeeBearer.Payee }));

    [Property(MaxTest = 2000)]
    public Property Any_changed_field_changes_the_digest() =>
        Prop.ForAll(Arb.From(Changes), changed => !Reviewed.ComputeDigest().AsSpan().SequenceEqual(changed.ComputeDigest()));

    [Fact]
    public void The_same_details_give_the_same_32_byte_digest()
    {
        var copy = Reviewed with { };
        Assert.Equal(32, Reviewed.ComputeDigest().Length);
        Assert.Equal(Reviewed.ComputeDigest(), copy.ComputeDigest());
    }

    [Fact]
    public void Fields_cannot_be_shifted_into_one_another()
    {
        var a = Reviewed with { PayeeBranchCode = "12", PayeeAccountNumber = "37654321" };
        Assert.NotEqual(Reviewed.ComputeDigest(), a.ComputeDigest());
    }
}
