using BizWeb.Auth;
using BizWeb.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Certificates.Tests;

public sealed class CertificateCommonNameTests
{
    private static readonly ContractId Contract = ContractId.Parse("12345678901").Value;

    [Fact]
    public void Administrator_cn_is_contract_id_plus_1286_as_in_the_manual()
    {
        var cn = CertificateCommonName.ForAdministrator(Contract, BankCode.Default);

        Assert.Equal("123456789011286", cn.ToString());
        Assert.True(cn.IsAdministrator);
    }

    [Fact]
    public void User_cn_is_contract_id_plus_user_id_plus_1286()
    {
        var cn = CertificateCommonName.ForUser(Contract, UserId.Parse("taro01").Value, BankCode.Default);

        Assert.Equal("12345678901taro011286", cn.ToString());
        Assert.False(cn.IsAdministrator);
    }

    [Fact]
    public void Parses_the_manuals_example_back_to_the_administrator()
    {
        var result = CertificateCommonName.Parse("123456789011286", BankCode.Default);

        Assert.True(result.Succeeded);
        Assert.Equal(Contract, result.Value.ContractId);
        Assert.Null(result.Value.UserId);
    }

    [Fact]
    public void A_numeric_user_id_still_parses_unambiguously_because_the_contract_id_is_fixed_length()
    {
        var result = CertificateCommonName.Parse("12345678901" + "1286" + "1286", BankCode.Default);

        Assert.Equal("1286", result.Value.UserId.ToString());
    }

    [Theory]
    [InlineData(null, MessageCode.CertificateCommonNameInvalid)]
    [InlineData("", MessageCode.CertificateCommonNameInvalid)]
    [InlineData("12345678901128", MessageCode.CertificateCommonNameInvalid)]          // too short
    [InlineData("123456789011287", MessageCode.CertificateCommonNameWrongBank)]       // another bank
    [InlineData("1234567890a1286", MessageCode.CertificateCommonNameInvalid)]         // contract id not digits
    [InlineData("12345678901taro_011286", MessageCode.CertificateCommonNameInvalid)]  // bad user id
    [InlineData("１２３４５６７８９０１1286", MessageCode.CertificateCommonNameInvalid)] // full-width
    [InlineData("12345678901ａｂｃ1286", MessageCode.CertificateCommonNameInvalid)]
    [InlineData("12345678901abcdefghijabcdefghijabcdefghijX1286", MessageCode.CertificateCommonNameInvalid)] // user id of 31
    [InlineData("CN=123456789011286", MessageCode.CertificateCommonNameInvalid)]      // a DN, not a CN value
    [InlineData("123456789011286 ", MessageCode.CertificateCommonNameInvalid)]
    public void Anything_else_is_refused_with_a_reason(string? cn, MessageCode expected) =>
        Assert.Equal([expected], CertificateCommonName.Parse(cn, BankCode.Default).Errors.Select(e => e.Code));

    [Fact]
    public void Default_identifiers_are_a_programmer_error()
    {
        Assert.Throws<ArgumentException>(() => CertificateCommonName.ForAdministrator(default, BankCode.Default));
        Assert.Throws<ArgumentException>(() => CertificateCommonName.ForUser(Contract, default, BankCode.Default));
        Assert.Throws<ArgumentException>(() => CertificateCommonName.ForAdministrator(Contract, default));
    }

    private static readonly Gen<CertificateCommonName> Names =
        from contract in UntrustedText.Of(UntrustedText.Digits, 11, 11)
        from bank in UntrustedText.Of(UntrustedText.Digits, 4, 4)
        from user in Gen.OneOf(Gen.Constant<string?>(null), UntrustedText.Of(UntrustedText.Alphanumerics, 1, 30).Select(s => (string?)s))
        select user is null
            ? CertificateCommonName.ForAdministrator(ContractId.Parse(contract).Value, BankCode.Parse(bank).Value)
            : CertificateCommonName.ForUser(ContractId.Parse(contract).Value, UserId.Parse(user).Value, BankCode.Parse(bank).Value);

    [Property(MaxTest = 1000)]
    public Property Every_valid_name_round_trips() =>
        Prop.ForAll(Arb.From(Names), name =>
        {
            var parsed = CertificateCommonName.Parse(name.ToString(), name.BankCode);
            return parsed.Succeeded && parsed.Value == name;
        });

    [Property(MaxTest = 2000)]
    public Property Never_throws_and_accepts_exactly_contract_plus_optional_user_plus_bank_code() =>
        Prop.ForAll(Arb.From(UntrustedText.AnyText), text =>
        {
            var expected = text is not null && text.Length >= 15
                && IsDigits(text[..11]) && text[^4..] == "1286"
                && (text.Length == 15 || (text.Length - 15 <= 30 && IsAlphanumeric(text[11..^4])));
            return CertificateCommonName.Parse(text, BankCode.Default).Succeeded == expected;
        });

    private static bool IsDigits(string s) => s.All(c => c is >= '0' and <= '9');

    private static bool IsAlphanumeric(string s) => s.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'));
}
