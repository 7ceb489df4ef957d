using System.Globalization;
using System.Text.RegularExpressions;
using BizWeb.Testing;

namespace BizWeb.Auth.Tests.Messages;

public sealed partial class MessageCatalogTests
{
    // Every 「…。」 quotation in SPEC.md is a message users see (§2, §4, §5).
    [GeneratedRegex("「([^「」]+。)」")]
    private static partial Regex QuotedMessage();

    public static TheoryData<MessageCode, string> SpecMessages => new()
    {
        { MessageCode.UserIdAlreadyUsed, "入力された利用者ＩＤはすでに使用されています。" },
        { MessageCode.ActivationInterrupted, "開通確認処理が途中で中断されたため、開通確認ができません。しばらくお待ちいただいてから、再度開通確認を行ってください。" },
        { MessageCode.AdminSignInFailed, "ご契約先ＩＤ、ご契約先暗証番号の入力に誤りがあるため、ご契約先の認証ができません。ご確認のうえ、ブラウザの戻るボタンで入力画面に戻り、再度入力願います。" },
        { MessageCode.AdminLocked, "誤ったご契約先暗証番号を繰り返し入力されたため、サービスをご利用できなくなりました。お問合せ窓口までご連絡ください。" },
        { MessageCode.UserSignInFailed, "ご契約先ＩＤ、利用者ＩＤまたは利用者暗証番号の入力に誤りがあるため、ご利用者の認証ができません。ご確認のうえ、ブラウザの戻るボタンで入力画面に戻り、再度入力願います。" },
        { MessageCode.UserLocked, "誤った利用者暗証番号を繰り返し入力されたため、サービスをご利用できなくなりました。管理者の方にお問合せください。" },
    };

    [Theory]
    [MemberData(nameof(SpecMessages))]
    public void Japanese_text_is_SPEC_mds_quotation_byte_for_byte(MessageCode code, string expected)
    {
        var quoted = QuotedMessage().Matches(Spec.Read()).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Contains(expected, quoted);                       // the expectation really is SPEC.md's text
        Assert.Equal(expected, MessageCatalog.Get(code).Ja);      // and the catalogue reproduces it exactly
    }

    [Fact]
    public void Every_message_SPEC_md_quotes_is_in_the_catalogue()
    {
        var catalogue = MessageCatalog.All.Select(m => m.Ja).ToHashSet(StringComparer.Ordinal);
        var quoted = QuotedMessage().Matches(Spec.Read()).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Equal(6, quoted.Count);
        Assert.All(quoted, q => Assert.Contains(q, catalogue));
    }

    [Fact]
    public void Spec_messages_use_full_width_ID_and_Japanese_punctuation()
    {
        Assert.Contains("ＩＤ", MessageCatalog.Get(MessageCode.AdminSignInFailed).Ja, StringComparison.Ordinal);
        Assert.DoesNotContain("ID", MessageCatalog.Get(MessageCode.UserSignInFailed).Ja, StringComparison.Ordinal);
        Assert.All(MessageCatalog.All, m => Assert.DoesNotContain(",", m.Ja, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_code_has_exactly_one_entry_with_Japanese_and_English_text()
    {
        var codes = Enum.GetValues<MessageCode>();

        Assert.Equal(codes.Length, MessageCatalog.All.Count);
        Assert.All(codes, code =>
        {
            var message = MessageCatalog.Get(code);
            Assert.Equal(code, message.Code);
            Assert.False(string.IsNullOrWhiteSpace(message.Ja));
            Assert.False(string.IsNullOrWhiteSpace(message.En));
            Assert.Matches("[。）]$", message.Ja);                  // polite sentences, as the manual's
            Assert.Matches(@"[.)]$", message.En);
            Assert.DoesNotMatch("[ぁ-ん]", message.En);
        });
    }

    [Fact]
    public void Japanese_texts_are_distinct_so_each_code_tells_the_person_something_different()
    {
        var texts = MessageCatalog.All.Select(m => m.Ja).ToList();

        Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Only_the_pin_reuse_advice_is_a_warning()
    {
        Assert.Equal(
            [MessageCode.PinReused],
            MessageCatalog.All.Where(m => m.Severity == MessageSeverity.Warning).Select(m => m.Code));
    }

    [Fact]
    public void GetText_chooses_Japanese_for_any_ja_culture_and_English_otherwise()
    {
        var message = MessageCatalog.Get(MessageCode.UserLocked);

        Assert.Equal(message.Ja, message.GetText(CultureInfo.GetCultureInfo("ja-JP")));
        Assert.Equal(message.Ja, message.GetText(CultureInfo.GetCultureInfo("ja")));
        Assert.Equal(message.En, message.GetText(CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal(message.En, message.GetText(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Unknown_code_is_a_programmer_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MessageCatalog.Get((MessageCode)(-1)));
}
