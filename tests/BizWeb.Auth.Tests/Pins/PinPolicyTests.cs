using BizWeb.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Pins;

public sealed class PinPolicyTests
{
    [Theory]
    [InlineData("abc123")]
    [InlineData("A1b2C3d4E5f6")] // 12
    [InlineData("Passw0rd")]
    [InlineData("1a2345")]
    public void Standard_accepts_6_to_12_letters_and_digits_combined(string pin) =>
        Assert.True(PinPolicy.Standard.Validate(pin).IsValid);

    [Theory]
    [InlineData("123456", new[] { MessageCode.PinRequiresLetter })]
    [InlineData("abcdef", new[] { MessageCode.PinRequiresDigit })]
    [InlineData("ab12", new[] { MessageCode.PinLength })]
    [InlineData("abcdefgh12345", new[] { MessageCode.PinLength })] // 13
    [InlineData("abc-123", new[] { MessageCode.PinAlphanumericOnly })]
    [InlineData("ａｂｃ１２３", new[] { MessageCode.PinNotHalfWidth, MessageCode.PinRequiresLetter, MessageCode.PinRequiresDigit })]
    [InlineData("abc 123", new[] { MessageCode.PinNotHalfWidth })]
    [InlineData("1234", new[] { MessageCode.PinLength, MessageCode.PinRequiresLetter })]
    public void Standard_reports_every_broken_rule_at_once(string pin, MessageCode[] expected) =>
        Assert.Equal(expected, PinPolicy.Standard.Validate(pin).Errors.Select(e => e.Code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Empty_pin_is_required_error_only(string? pin) =>
        Assert.Equal([MessageCode.PinRequired], PinPolicy.Standard.Validate(pin).Errors.Select(e => e.Code));

    [Theory]
    [InlineData("1234")]
    [InlineData("abcd")]
    [InlineData("ABCDEFGHIJKL")]
    [InlineData("ab12")]
    public void LegacyInitial_allows_4_to_12_digits_only_or_letters_only(string pin) =>
        Assert.True(PinPolicy.LegacyInitial.Validate(pin).IsValid);

    [Fact]
    public void LegacyInitial_still_requires_half_width_and_length()
    {
        Assert.Equal([MessageCode.PinLength], PinPolicy.LegacyInitial.Validate("123").Errors.Select(e => e.Code));
        Assert.Equal([MessageCode.PinNotHalfWidth], PinPolicy.LegacyInitial.Validate("１２３４").Errors.Select(e => e.Code));
    }

    [Fact]
    public void Pins_are_case_sensitive_so_case_is_not_folded_into_composition()
    {
        Assert.True(PinPolicy.Standard.Validate("ABC123").IsValid);
        Assert.True(PinPolicy.Standard.Validate("abc123").IsValid);
    }

    [Fact]
    public void Length_message_names_the_policys_bounds_in_the_manuals_wording()
    {
        var message = Assert.Single(PinPolicy.Standard.Validate("a1").Errors);

        Assert.Equal("暗証番号は6桁～12桁の半角英数字で設定してください。（大文字・小文字の識別あり）", message.Ja);
        Assert.Contains("6 to 12", message.En, StringComparison.Ordinal);
        Assert.Contains("4桁～12桁", Assert.Single(PinPolicy.LegacyInitial.Validate("1").Errors).Ja, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_never_echo_the_pin()
    {
        foreach (var message in PinPolicy.Standard.Validate("zz-99!").Errors)
        {
            Assert.DoesNotContain("zz-99", message.Ja, StringComparison.Ordinal);
            Assert.DoesNotContain("zz-99", message.En, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Custom_digits_only_policy()
    {
        var policy = PinPolicy.Create(6, 8, PinComposition.DigitsOnly);

        Assert.True(policy.Validate("123456").IsValid);
        Assert.Equal([MessageCode.PinDigitsOnly], policy.Validate("12345a").Errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData(3, 12)]
    [InlineData(4, 13)]
    [InlineData(8, 6)]
    public void Create_refuses_bounds_outside_4_to_12(int min, int max) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PinPolicy.Create(min, max, PinComposition.LettersOrDigits));

    [Fact]
    public void Validating_a_valid_pin_allocates_nothing()
    {
        var policy = PinPolicy.Standard;
        _ = policy.Validate("abc123"); // warm up
        var before = GC.GetAllocatedBytesForCurrentThread();
        var valid = policy.Validate("abc123").IsValid;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(valid);
        Assert.Equal(0, allocated);
    }

    private static readonly Gen<PinPolicy> Policies =
        from min in Gen.Choose(PinPolicy.LowestMinLength, PinPolicy.HighestMaxLength)
        from max in Gen.Choose(min, PinPolicy.HighestMaxLength)
        from composition in Gen.Elements(Enum.GetValues<PinComposition>())
        select PinPolicy.Create(min, max, composition);

    [Property(MaxTest = 3000)]
    public Property Any_policy_never_throws_and_accepts_exactly_the_set_the_spec_defines() =>
        Prop.ForAll(Arb.From(Policies), Arb.From(UntrustedText.AnyText), (policy, pin) =>
        {
            var result = policy.Validate(pin);
            return result.IsValid == Oracle.IsPin(pin, policy.MinLength, policy.MaxLength, policy.Composition)
                && result.IsValid == (result.Errors.Count == 0)
                && result.Warnings.Count == 0;
        });

    [Property(MaxTest = 1000)]
    public Property Presets_accept_exactly_the_spec_tables_sets() =>
        Prop.ForAll(Arb.From(UntrustedText.AnyText), pin =>
            PinPolicy.Standard.Validate(pin).IsValid == Oracle.IsPin(pin, 6, 12, PinComposition.LettersAndDigits)
            && PinPolicy.LegacyInitial.Validate(pin).IsValid == Oracle.IsPin(pin, 4, 12, PinComposition.LettersOrDigits));
}
