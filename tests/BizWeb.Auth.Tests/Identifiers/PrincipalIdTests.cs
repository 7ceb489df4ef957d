using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Identifiers;

/// <summary><see cref="PrincipalId"/>'s text form round-trips through Parse and TryParse (issue 17).</summary>
public sealed class PrincipalIdTests
{
    private static readonly char[] Alphanumerics = [.. "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"];

    public static Arbitrary<PrincipalId> Principals() =>
        (from digits in Gen.ArrayOf(Gen.Choose(0, 9), ContractId.Length)
         from user in Gen.OneOf(Gen.Constant<string?>(null), Gen.NonEmptyListOf(Gen.Elements(Alphanumerics)).Where(c => c.Count <= 30).Select(c => (string?)new string([.. c])))
         let contract = ContractId.Parse(string.Concat(digits)).Value
         select user is null ? PrincipalId.Administrator(contract) : PrincipalId.User(contract, UserId.Parse(user).Value)).ToArbitrary();

    [Property(Arbitrary = [typeof(PrincipalIdTests)])]
    public bool Every_principal_parses_back_from_its_text(PrincipalId principal) =>
        PrincipalId.Parse(principal.ToString()) is { Succeeded: true } parsed && parsed.Value == principal
        && PrincipalId.TryParse(principal.ToString(), out var tried) && tried == principal;

    [Theory]
    [InlineData("12345678901", true)]
    [InlineData("12345678901/taro01", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("1234567890/taro01", false)]
    [InlineData("12345678901/", false)]
    [InlineData("12345678901/taro/01", false)]
    [InlineData("12345678901/ｔａｒｏ", false)]
    [InlineData("(default)", false)]
    public void Only_the_two_text_forms_parse(string? text, bool parses)
    {
        Assert.Equal(parses, PrincipalId.TryParse(text, out var principal));
        Assert.Equal(parses, !principal.IsDefault);
    }

    [Fact]
    public void A_broken_principal_reports_the_rules_of_both_parts()
    {
        var parsed = PrincipalId.Parse("1234/taro_01");

        Assert.False(parsed.Succeeded);
        Assert.Contains(parsed.Errors, e => e.Code.ToString().StartsWith("ContractId", StringComparison.Ordinal));
        Assert.Contains(parsed.Errors, e => e.Code == MessageCode.UserIdAlphanumericOnly);
    }
}
