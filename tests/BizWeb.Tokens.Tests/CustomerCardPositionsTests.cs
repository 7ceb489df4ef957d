using BizWeb.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Tokens.Tests;

public sealed class CustomerCardPositionsTests
{
    [Fact]
    public void The_card_has_the_eight_positions_a_to_ku_in_print_order() =>
        Assert.Equal(["ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク"], CustomerCardPositions.All.Select(CustomerCardPositions.GetLabel));

    [Theory]
    [InlineData("ア", CustomerCardPosition.A)]
    [InlineData("カ", CustomerCardPosition.Ka)]
    [InlineData("ク", CustomerCardPosition.Ku)]
    public void Labels_parse_to_positions(string label, CustomerCardPosition expected)
    {
        Assert.True(CustomerCardPositions.TryParse(label, out var position));
        Assert.Equal(expected, position);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ｱ")]  // half-width katakana is not how the card prints it
    [InlineData("あ")] // hiragana
    [InlineData("ケ")] // beyond ク
    [InlineData("アイ")]
    [InlineData("A")]
    public void Anything_else_is_not_a_position(string? label) =>
        Assert.False(CustomerCardPositions.TryParse(label, out _));

    [Fact]
    public void An_undefined_position_has_no_label() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerCardPositions.GetLabel((CustomerCardPosition)8));

    [Property(MaxTest = 1000)]
    public Property Parsing_never_throws_and_round_trips_labels() =>
        Prop.ForAll(Arb.From(UntrustedText.AnyText), text =>
            !CustomerCardPositions.TryParse(text, out var position) || CustomerCardPositions.GetLabel(position) == text);
}
