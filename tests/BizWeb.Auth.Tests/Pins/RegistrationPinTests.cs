using BizWeb.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Pins;

public sealed class RegistrationPinTests
{
    [Fact]
    public void Four_half_width_digits_are_a_registration_pin()
    {
        var result = RegistrationPin.Parse("0123");

        Assert.True(result.Succeeded);
        Assert.Equal("0123", result.Value.Value);
    }

    [Theory]
    [InlineData(null, MessageCode.RegistrationPinRequired)]
    [InlineData("", MessageCode.RegistrationPinRequired)]
    [InlineData("123", MessageCode.RegistrationPinLength)]
    [InlineData("12345", MessageCode.RegistrationPinLength)]
    [InlineData("12a4", MessageCode.RegistrationPinDigitsOnly)]
    [InlineData("１２３４", MessageCode.RegistrationPinNotHalfWidth)]
    [InlineData("१२३४", MessageCode.RegistrationPinNotHalfWidth)]
    [InlineData("123 ", MessageCode.RegistrationPinNotHalfWidth)]
    public void Each_broken_rule_has_its_code(string? input, MessageCode expected) =>
        Assert.Contains(expected, RegistrationPin.Parse(input).Errors.Select(e => e.Code));

    [Fact]
    public void ToString_never_reveals_the_pin()
    {
        var pin = RegistrationPin.Parse("4821").Value;

        Assert.DoesNotContain("4821", pin.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("4821", RegistrationPin.Parse("4821").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("4821", $"{pin}", StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_never_echo_the_input()
    {
        var result = RegistrationPin.Parse("98x7");

        Assert.All(result.Errors, e =>
        {
            Assert.DoesNotContain("98x7", e.Ja, StringComparison.Ordinal);
            Assert.DoesNotContain("98x7", e.En, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Two_equal_pins_are_not_value_equal_so_secrets_are_never_compared_with_equals()
    {
        var a = RegistrationPin.Parse("1111").Value;
        var b = RegistrationPin.Parse("1111").Value;

        Assert.False(a.Equals(b));
    }

    [Property(MaxTest = 2000)]
    public Property Never_throws_and_accepts_exactly_4_half_width_digits() =>
        Prop.ForAll(Arb.From(UntrustedText.AnyText), input =>
            RegistrationPin.Parse(input).Succeeded == Oracle.IsFourDigits(input));
}
