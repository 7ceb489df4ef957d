using BizWeb.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Pins;

public sealed class PinRulesTests
{
    [Fact]
    public void New_pin_equal_to_temporary_pin_is_an_error()
    {
        var result = PinRules.CheckReplacesTemporary("Temp1234", "Temp1234");

        Assert.False(result.IsValid);
        Assert.Equal([MessageCode.PinSameAsTemporary], result.Errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData("Temp1234", "temp1234")] // case-sensitive
    [InlineData("New12345", "Temp1234")]
    [InlineData("Temp12345", "Temp1234")]
    public void New_pin_different_from_temporary_pin_is_fine(string newPin, string temporaryPin) =>
        Assert.True(PinRules.CheckReplacesTemporary(newPin, temporaryPin).IsValid);

    [Fact]
    public void Same_value_for_login_and_confirmation_pins_is_allowed_with_a_warning()
    {
        var result = PinRules.CheckDistinct("abc123", "abc123");

        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(MessageCode.PinReused, warning.Code);
        Assert.Equal(MessageSeverity.Warning, warning.Severity);
        Assert.Equal("同一の暗証番号でも登録できますが、セキュリティ上、別の暗証番号を設定することをお勧めいたします。", warning.Ja);
    }

    [Fact]
    public void Registration_login_and_confirmation_pins_are_checked_pairwise_with_one_warning()
    {
        Assert.Single(PinRules.CheckDistinct("1234", "abc123", "1234").Warnings);
        Assert.Single(PinRules.CheckDistinct("1234", "1234", "1234").Warnings);
        Assert.Empty(PinRules.CheckDistinct("1234", "abc123", "xyz789").Warnings);
        Assert.Empty(PinRules.CheckDistinct(null, null, "").Warnings);
    }

    [Fact]
    public void Combined_with_the_policy_errors_and_warnings_are_both_kept()
    {
        var result = PinPolicy.Standard.Validate("abcdef")
            .Combine(PinRules.CheckReplacesTemporary("abcdef", "abcdef"))
            .Combine(PinRules.CheckDistinct("abcdef", "abcdef"));

        Assert.Equal([MessageCode.PinRequiresDigit, MessageCode.PinSameAsTemporary], result.Errors.Select(e => e.Code));
        Assert.Equal([MessageCode.PinReused], result.Warnings.Select(e => e.Code));
    }

    [Property(MaxTest = 1000)]
    public Property Replacement_rule_is_exactly_ordinal_inequality() =>
        Prop.ForAll(Arb.From(UntrustedText.AnyText), Arb.From(UntrustedText.AnyText), (a, b) =>
            PinRules.CheckReplacesTemporary(a, b).IsValid == (string.IsNullOrEmpty(a) || !string.Equals(a, b, StringComparison.Ordinal)));
}
