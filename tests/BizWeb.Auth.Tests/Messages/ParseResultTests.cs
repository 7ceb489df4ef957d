using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Messages;

public sealed class ParseResultTests
{
    [Fact]
    public void TryGetValue_gives_the_value_of_a_success()
    {
        Assert.True(ContractId.Parse("12345678901").TryGetValue(out var contractId));
        Assert.Equal("12345678901", contractId.ToString());
        Assert.True(ParseResult.Success("x").TryGetValue(out var text));
        Assert.Equal("x", text);
    }

    [Fact]
    public void TryGetValue_of_a_failure_is_false_with_default_and_does_not_throw()
    {
        var failed = UserId.Parse("ta ro");
        Assert.False(failed.TryGetValue(out var userId));
        Assert.Equal(default, userId);
        Assert.Throws<InvalidOperationException>(() => failed.Value);

        Assert.False(RegistrationPin.Parse("12").TryGetValue(out var pin));
        Assert.Null(pin);
        Assert.False(ParseResult.Failure<string>(MessageCatalog.Get(MessageCode.UserIdRequired)).TryGetValue(out var text));
        Assert.Null(text);
    }

    [Fact]
    public void A_success_always_has_a_value() =>
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => ParseResult.Success<string?>(null)).ParamName);

    [Fact]
    public void Succeeded_tells_the_compiler_that_Value_is_not_null()
    {
        var result = ParseResult.Success<string?>("abc");
        // Under warnings as errors this line compiles only with [MemberNotNullWhen(true, nameof(Value))] on Succeeded.
        Assert.Equal(3, result.Succeeded ? result.Value.Length : -1);
    }

    [Property(MaxTest = 500)]
    public Property TryGetValue_agrees_with_Succeeded_Value_and_the_out_overload(string? text) =>
        (ContractId.Parse(text).TryGetValue(out var fromResult) == ContractId.Parse(text).Succeeded
            && ContractId.TryParse(text, out var fromOverload) == ContractId.Parse(text).Succeeded
            && fromResult == fromOverload
            && (!ContractId.Parse(text).Succeeded || fromResult == ContractId.Parse(text).Value)
            && UserId.Parse(text).TryGetValue(out var user) == UserId.TryParse(text, out var user2) && user == user2).ToProperty();
}
