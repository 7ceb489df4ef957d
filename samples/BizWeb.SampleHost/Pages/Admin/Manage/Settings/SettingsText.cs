using BizWeb.Auth;
using static BizWeb.SampleHost.Pages.SiteText;

namespace BizWeb.SampleHost.Pages.Admin.Manage.Settings;

/// <summary>The words of the 各種設定 screens (P.16) for the SDK's values.</summary>
public static class SettingsText
{
    /// <summary>預金種目 in the order the screens offer them, with the 全銀 code as the form value.</summary>
    public static IReadOnlyList<PayeeAccountType> AccountTypes { get; } = [PayeeAccountType.Ordinary, PayeeAccountType.Current, PayeeAccountType.Savings];

    public static string Of(PayeeAccountType type) => type switch
    {
        PayeeAccountType.Ordinary => T("普通", "Ordinary"),
        PayeeAccountType.Current => T("当座", "Current"),
        PayeeAccountType.Savings => T("貯蓄", "Savings"),
        _ => type.ToString(),
    };

    /// <summary>An amount band's upper bound as the tables show it (上限なし for the open-ended last band).</summary>
    public static string UpTo(long upTo) => upTo == long.MaxValue ? T("上限なし", "and above") : T($"{upTo:N0}円まで", $"up to ¥{upTo:N0}");
}
