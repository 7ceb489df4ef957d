namespace BizWeb.Auth.Tests.Transactions;

/// <summary>
/// The limit check's arguments and the keys of the daily totals (issue 22, mutants of
/// <see cref="TransferLimits"/> and <see cref="TransferTotals"/> no test killed).
/// </summary>
public sealed class TransferLimitChecksTests
{
    private static readonly ContractId Contract = ContractId.Parse("12345678901").Value;
    private static readonly ContractId OtherContract = ContractId.Parse("12345678902").Value;

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void An_amount_that_is_not_positive_is_a_programming_error_not_a_transfer_within_limits(long amount) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TransferLimits.Check(amount, [new LimitUsage(new TransferLimit(100, 100), 0)]));

    [Fact]
    public void Usages_are_required() =>
        Assert.Equal("usages", Assert.Throws<ArgumentNullException>(() => TransferLimits.Check(1, null!)).ParamName);

    /// <summary>
    /// Each level counts its own total: the user's per service, the debit account's, the contract's. Were two
    /// keys equal, one level's transfers would use up another's limit. The keys are stored with the totals, so
    /// their text is part of the stores' data.
    /// </summary>
    [Fact]
    public void Every_level_and_every_owner_has_a_total_of_its_own()
    {
        var taro = PrincipalId.User(Contract, UserId.Parse("taro").Value);
        var jiro = PrincipalId.User(Contract, UserId.Parse("jiro").Value);
        string[] keys =
        [
            TransferTotals.UserKey(taro, BankServices.Transfers),
            TransferTotals.UserKey(jiro, BankServices.Transfers),
            TransferTotals.UserKey(taro, "other-service"),
            TransferTotals.AccountKey(Contract, "001-1234567"),
            TransferTotals.AccountKey(Contract, "001-7654321"),
            TransferTotals.AccountKey(OtherContract, "001-1234567"),
            TransferTotals.ContractKey(Contract),
            TransferTotals.ContractKey(OtherContract),
        ];

        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal($"user:{taro}:{BankServices.Transfers}", keys[0]);
        Assert.Equal($"account:{Contract}:001-1234567", keys[3]);
        Assert.Equal($"contract:{Contract}", keys[6]);
    }
}
