using BizWeb.Auth;

namespace BizWeb.SampleHost.Pages.User.Manage.Transfers;

/// <summary>How the transfer screens name the SDK's values.</summary>
public static class TransferText
{
    public static string Of(PayeeAccountType type) => type switch
    {
        PayeeAccountType.Ordinary => SiteText.T("普通", "Ordinary"),
        PayeeAccountType.Current => SiteText.T("当座", "Current"),
        PayeeAccountType.Savings => SiteText.T("貯蓄", "Savings"),
        _ => type.ToString(),
    };

    public static string Of(FeeBearer bearer) => bearer == FeeBearer.Payer ? SiteText.T("当方負担", "Paid by us") : SiteText.T("先方負担", "Paid by the payee");

    public static string Of(TransferState state) => state switch
    {
        TransferState.Drafted => SiteText.T("入力済", "Drafted"),
        TransferState.Reviewed => SiteText.T("確認待ち", "Awaiting confirmation"),
        TransferState.Executing => SiteText.T("処理中", "Executing"),
        TransferState.Authorised => SiteText.T("受付済", "Accepted"),
        TransferState.Refused => SiteText.T("受付不可", "Refused"),
        TransferState.Failed => SiteText.T("失敗", "Failed"),
        TransferState.Cancelled => SiteText.T("予約取消済", "Cancelled"),
        _ => state.ToString(),
    };

    public static string Yen(long amount) => amount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + SiteText.T("円", " yen");
}
