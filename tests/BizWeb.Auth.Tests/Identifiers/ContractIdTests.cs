using BizWeb.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Identifiers;

public sealed class ContractIdTests
{
    [Fact]
    public void Manual_example_12345678901_is_a_contract_id()
    {
        var result = ContractId.Parse("12345678901");

        Assert.True(result.Succeeded);
        Assert.Equal("12345678901", result.Value.ToString());
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Empty_input_is_required_error_only(string? input)
    {
        var result = ContractId.Parse(input);

        Assert.False(result.Succeeded);
        Assert.Equal([MessageCode.ContractIdRequired], result.Errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData("1234567890", MessageCode.ContractIdLength)]
    [InlineData("123456789012", MessageCode.ContractIdLength)]
    [InlineData("1234567890a", MessageCode.ContractIdDigitsOnly)]
    [InlineData("12345-67890", MessageCode.ContractIdDigitsOnly)]
    [InlineData("１２３４５６７８９０１", MessageCode.ContractIdNotHalfWidth)]      // full-width digits
    [InlineData("١٢٣٤٥٦٧٨٩٠١", MessageCode.ContractIdNotHalfWidth)]              // Arabic-Indic digits
    [InlineData("१२३४५६७८९०१", MessageCode.ContractIdNotHalfWidth)]              // Devanagari digits
    [InlineData("1234567890 ", MessageCode.ContractIdNotHalfWidth)]              // trailing space is not trimmed
    [InlineData("1234567890\t", MessageCode.ContractIdNotHalfWidth)]
    public void Each_broken_rule_has_its_code(string input, MessageCode expected)
    {
        var result = ContractId.Parse(input);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Full_width_digits_are_rejected_not_normalised()
    {
        Assert.False(ContractId.TryParse("１２３４５６７８９０１", out _));
        Assert.False(ContractId.TryParse("1234567890１", out _));
    }

    [Fact]
    public void Every_violation_is_reported_at_once()
    {
        var result = ContractId.Parse("１2a");

        Assert.Equal(
            [MessageCode.ContractIdNotHalfWidth, MessageCode.ContractIdDigitsOnly, MessageCode.ContractIdLength],
            result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Reading_Value_of_a_failed_parse_throws_and_the_message_does_not_echo_input()
    {
        var result = ContractId.Parse("secret-ish-input");

        var ex = Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.DoesNotContain("secret-ish-input", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-ish-input", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_is_by_value()
    {
        Assert.True(ContractId.TryParse("12345678901", out var a));
        Assert.True(ContractId.TryParse(new string("12345678901".ToCharArray()), out var b));
        Assert.True(ContractId.TryParse("12345678902", out var c));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Property(MaxTest = 2000)]
    public Property Never_throws_and_accepts_exactly_11_half_width_digits() =>
        Prop.ForAll(Arb.From(UntrustedText.AnyText), input =>
        {
            var result = ContractId.Parse(input);
            return result.Succeeded == Oracle.IsContractId(input)
                && result.Succeeded == (result.Errors.Count == 0)
                && result.Succeeded == ContractId.TryParse(input, out _);
        });

    [Property(MaxTest = 500)]
    public Property Round_trips_through_ToString() =>
        Prop.ForAll(Arb.From(UntrustedText.Of(UntrustedText.Digits, 11, 11)), digits =>
        {
            var id = ContractId.Parse(digits).Value;
            return ContractId.Parse(id.ToString()).Value == id && id.ToString() == digits;
        });
}
