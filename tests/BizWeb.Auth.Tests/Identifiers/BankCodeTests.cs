using BizWeb.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Identifiers;

public sealed class BankCodeTests
{
    [Fact]
    public void Default_is_the_manuals_1286()
    {
        Assert.Equal("1286", BankCode.Default.ToString());
        Assert.Equal(BankCode.Default, BankCode.Parse("1286").Value);
    }

    [Fact]
    public void Manual_example_123456789011286_is_contract_id_then_bank_code()
    {
        const string commonName = "123456789011286";

        Assert.True(ContractId.TryParse(commonName[..11], out var contractId));
        Assert.True(BankCode.TryParse(commonName[11..], out var bankCode));
        Assert.Equal("12345678901", contractId.ToString());
        Assert.Equal(BankCode.Default, bankCode);
    }

    [Theory]
    [InlineData(null, MessageCode.BankCodeRequired)]
    [InlineData("128", MessageCode.BankCodeLength)]
    [InlineData("12860", MessageCode.BankCodeLength)]
    [InlineData("12a6", MessageCode.BankCodeDigitsOnly)]
    [InlineData("１２８６", MessageCode.BankCodeNotHalfWidth)]
    public void Each_broken_rule_has_its_code(string? input, MessageCode expected) =>
        Assert.Contains(expected, BankCode.Parse(input).Errors.Select(e => e.Code));

    [Property(MaxTest = 2000)]
    public Property Never_throws_and_accepts_exactly_4_half_width_digits() =>
        Prop.ForAll(Arb.From(UntrustedText.AnyText), input =>
            BankCode.Parse(input).Succeeded == Oracle.IsFourDigits(input));

    [Property(MaxTest = 300)]
    public Property Round_trips_through_ToString() =>
        Prop.ForAll(Arb.From(UntrustedText.Of(UntrustedText.Digits, 4, 4)), digits =>
            BankCode.Parse(BankCode.Parse(digits).Value.ToString()).Value.ToString() == digits);
}
