using BizWeb.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Identifiers;

public sealed class UserIdTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("Z")]
    [InlineData("7")]
    [InlineData("taro01")]
    [InlineData("ABCDEFGHIJabcdefghij0123456789")] // 30
    public void One_to_thirty_half_width_alphanumerics_are_user_ids(string input)
    {
        Assert.True(UserId.TryParse(input, out var id));
        Assert.Equal(input, id.ToString());
    }

    [Fact]
    public void User_ids_are_case_sensitive()
    {
        var lower = UserId.Parse("yamada").Value;
        var upper = UserId.Parse("YAMADA").Value;

        Assert.NotEqual(lower, upper);
    }

    [Theory]
    [InlineData(null, MessageCode.UserIdRequired)]
    [InlineData("", MessageCode.UserIdRequired)]
    [InlineData("ABCDEFGHIJabcdefghij01234567890", MessageCode.UserIdTooLong)] // 31
    [InlineData("taro_01", MessageCode.UserIdAlphanumericOnly)]
    [InlineData("taro.yamada", MessageCode.UserIdAlphanumericOnly)]
    [InlineData("ａｂｃ", MessageCode.UserIdNotHalfWidth)]
    [InlineData("taro 01", MessageCode.UserIdNotHalfWidth)]
    [InlineData("山田", MessageCode.UserIdNotHalfWidth)]
    [InlineData("ﾀﾛｳ", MessageCode.UserIdNotHalfWidth)] // half-width katakana is not an alphanumeric
    [InlineData("٣taro", MessageCode.UserIdNotHalfWidth)]
    public void Each_broken_rule_has_its_code(string? input, MessageCode expected)
    {
        var result = UserId.Parse(input);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Every_violation_is_reported_at_once()
    {
        var result = UserId.Parse(new string('ａ', 20) + new string('-', 20));

        Assert.Equal(
            [MessageCode.UserIdNotHalfWidth, MessageCode.UserIdAlphanumericOnly, MessageCode.UserIdTooLong],
            result.Errors.Select(e => e.Code));
    }

    [Property(MaxTest = 2000)]
    public Property Never_throws_and_accepts_exactly_1_to_30_half_width_alphanumerics() =>
        Prop.ForAll(Arb.From(UntrustedText.AnyText), input =>
        {
            var result = UserId.Parse(input);
            return result.Succeeded == Oracle.IsUserId(input) && result.Succeeded == (result.Errors.Count == 0);
        });

    [Property(MaxTest = 500)]
    public Property Round_trips_through_ToString() =>
        Prop.ForAll(Arb.From(UntrustedText.Of(UntrustedText.Alphanumerics, 1, 30)), text =>
        {
            var id = UserId.Parse(text).Value;
            return UserId.Parse(id.ToString()).Value == id && id.ToString() == text;
        });
}
