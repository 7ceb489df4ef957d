namespace BizWeb.Auth.Tests.Pins;

/// <summary>
/// Cases the mutation run (eng/mutation.sh, docs/mutation-testing.md) found untested in PinPolicy and
/// PinRules: each fails under the mutant it names.
/// </summary>
public sealed class PinMutationGapTests
{
    [Theory]
    [InlineData("abcd")]
    [InlineData("1234")]
    [InlineData("ab12")]
    public void Letters_or_digits_accepts_letters_alone_digits_alone_and_both(string pin) =>
        // The composition switch's default arm (LettersOrDigits).
        Assert.True(PinPolicy.Create(4, 12, PinComposition.LettersOrDigits).Validate(pin).IsValid);

    [Fact]
    public void A_valid_pin_under_letters_or_digits_allocates_nothing()
    {
        // Mutant: the default arm true → false sends a valid PIN down the error path, which gives the
        // same (empty) error list but allocates it; Validate promises no allocation for a valid PIN.
        var policy = PinPolicy.Create(4, 12, PinComposition.LettersOrDigits);
        Assert.True(policy.Validate("ab12").IsValid);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = policy.Validate("ab12");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.IsValid);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_short_pin_of_letters_under_letters_or_digits_is_only_too_short()
    {
        // Mutant: "DigitsOnly && letters > 0" → "||" would add the digits-only error here.
        var result = PinPolicy.Create(4, 12, PinComposition.LettersOrDigits).Validate("ab");

        Assert.Equal([MessageCode.PinLength], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void A_short_pin_of_digits_under_digits_only_is_only_too_short()
    {
        // Mutant: "letters > 0" → ">= 0" would add the digits-only error to a digits-only PIN.
        var result = PinPolicy.Create(4, 12, PinComposition.DigitsOnly).Validate("12");

        Assert.Equal([MessageCode.PinLength], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void An_undefined_composition_is_refused()
    {
        // Mutant: the throw removed (an undefined composition would then accept any PIN).
        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => PinPolicy.Create(4, 12, (PinComposition)99));

        Assert.Equal("composition", thrown.ParamName);
    }

    [Fact]
    public void The_policy_shows_its_bounds_and_composition() =>
        Assert.Equal("PinPolicy(4-12, DigitsOnly)", PinPolicy.Create(4, 12, PinComposition.DigitsOnly).ToString());

    [Fact]
    public void Two_pairs_of_equal_pins_still_warn_once()
    {
        // Mutant: "reused |= …" → "^=": two equal pairs would cancel out.
        var result = PinRules.CheckDistinct("abc123", "abc123", "xyz789", "xyz789");

        Assert.True(result.IsValid);
        Assert.Equal([MessageCode.PinReused], result.Warnings.Select(w => w.Code));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_missing_secret_equals_nothing_not_even_an_empty_one(string? left, string? right) =>
        // Mutant: "left is not null && right is not null" → "||" compares null as the empty string.
        Assert.False(PinRules.FixedTimeEquals(left, right));
}
