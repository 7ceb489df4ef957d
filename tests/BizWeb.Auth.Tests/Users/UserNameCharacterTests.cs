using System.Globalization;
using BizWeb.Testing;
using BizWeb.Testing.Auth;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Users;

/// <summary>
/// Issue 15, finding 8: names accepted Unicode bidi and format characters (U+202E), so a name could
/// display differently from what it is. Control (Cc) and format (Cf) characters and lone surrogates are refused.
/// </summary>
public sealed class UserNameCharacterTests : IDisposable
{
    private readonly AuthHarness _h = AuthHarness.Create();

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData("ヤマダ\u202Eウロタ")] // RIGHT-TO-LEFT OVERRIDE
    [InlineData("ヤマダ\u2066タロウ")] // LEFT-TO-RIGHT ISOLATE
    [InlineData("ヤマダ\u200Bタロウ")] // ZERO WIDTH SPACE
    [InlineData("ヤマダ\u00ADタロウ")] // SOFT HYPHEN
    [InlineData("ヤマダ\uFEFFタロウ")] // BYTE ORDER MARK
    [InlineData("ヤマダ\U000E0041タロウ")] // TAG LATIN CAPITAL LETTER A (Cf outside the BMP)
    [InlineData("ヤマダ\u0007タロウ")] // BEL (Cc)
    public async Task A_name_with_a_control_or_format_character_is_refused_with_its_own_code(string name)
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var admin = await _h.AdminAsync(contract);
        var result = await _h.Get<UserAdministration>().RegisterAsync(admin, new UserRegistration
        {
            UserId = "taro",
            NameKana = name,
            NameKanji = name,
            TemporaryLoginPin = AuthHarness.TemporaryLoginPin,
            TemporaryConfirmationPin = AuthHarness.TemporaryConfirmationPin,
        }, AuthHarness.AdminConfirmationPin);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Errors.Count(e => e.Code == MessageCode.UserNameInvalidCharacters));
        Assert.DoesNotContain(result.Errors, e => e.Code == MessageCode.UserNameTooLong);
        Assert.Empty(await _h.Store.ListAsync(contract, default));
    }

    [Fact]
    public async Task A_name_with_a_lone_surrogate_is_refused() =>
        await A_name_with_a_control_or_format_character_is_refused_with_its_own_code("ヤマダ" + '\uD800' + "タロウ");

    [Theory]
    [InlineData("ヤマダ タロウ")]
    [InlineData("山田 太郎")]
    [InlineData("𠮷野 家")] // a surrogate pair (U+20BB7), a real name character
    [InlineData("ｶ)ﾄｳｷｮｳ")]
    public async Task Ordinary_names_are_accepted(string name)
    {
        var (contract, _) = await _h.ActiveContractAsync();
        var admin = await _h.AdminAsync(contract);
        var result = await _h.Get<UserAdministration>().RegisterAsync(admin, new UserRegistration
        {
            UserId = "taro",
            NameKana = name,
            TemporaryLoginPin = AuthHarness.TemporaryLoginPin,
            TemporaryConfirmationPin = AuthHarness.TemporaryConfirmationPin,
        }, AuthHarness.AdminConfirmationPin);

        Assert.True(result.Succeeded, result.ToString());
    }

    [Property(MaxTest = 2000)]
    public Property Accepts_exactly_the_names_without_control_format_or_lone_surrogate_code_points() =>
        Prop.ForAll(Arb.From(UntrustedText.AnyText.Where(t => t is not null).Select(t => t!)), name =>
            UserNames.HasOnlyAllowedCharacters(name) == Oracle(name));

    /// <summary>An independent reading: enumerate the text's scalar values (lone surrogates fail to decode).</summary>
    private static bool Oracle(string name)
    {
        var position = 0;
        while (position < name.Length)
        {
            if (System.Text.Rune.DecodeFromUtf16(name.AsSpan(position), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            if (System.Text.Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                return false;
            }

            position += consumed;
        }

        return true;
    }
}
