using BizWeb.Auth;
using BizWeb.Tokens;
using static BizWeb.SampleHost.Pages.SiteText;

namespace BizWeb.SampleHost.Pages.Ops;

/// <summary>The console's names for the SDK's states and modes, in the manual's words.</summary>
public static class OpsLabels
{
    public static string Of(ContractState state) => state switch
    {
        ContractState.AwaitingAdminActivation => T("開通確認待ち", "Awaiting activation"),
        ContractState.Active => T("利用中", "Active"),
        ContractState.Stopped => T("利用停止（ロック）", "Stopped (locked)"),
        ContractState.AwaitingReactivation => T("再開通確認待ち", "Awaiting reactivation"),
        _ => state.ToString(),
    };

    public static string Of(LockoutMode mode) => mode switch
    {
        LockoutMode.Linked => T("利用中止連動式", "Linked"),
        LockoutMode.Unlinked => T("利用中止非連動式", "Unlinked"),
        _ => mode.ToString(),
    };

    public static string Of(UserState state) => state switch
    {
        UserState.Registered => T("登録済（開通確認前）", "Registered (not activated)"),
        UserState.Active => T("利用中", "Active"),
        UserState.Suspended => T("利用中止", "Suspended"),
        UserState.Deleted => T("抹消", "Deleted"),
        _ => state.ToString(),
    };

    public static string Of(HardwareTokenStatus status) => status switch
    {
        HardwareTokenStatus.InStock => T("在庫", "In stock"),
        HardwareTokenStatus.Assigned => T("登録済", "Assigned"),
        HardwareTokenStatus.Retired => T("登録抹消", "Retired"),
        _ => status.ToString(),
    };

    public static string Of(Credential credential) => credential switch
    {
        Credential.RegistrationPin => T("① 登録用暗証番号", "① registration PIN"),
        Credential.CustomerCard => T("② お客様カード", "② customer card"),
        Credential.AdminLoginPin => T("③ ご契約先暗証番号", "③ admin login PIN"),
        Credential.AdminConfirmationPin => T("④ ご契約先確認暗証番号", "④ admin confirmation PIN"),
        Credential.UserLoginPin => T("⑤ 利用者暗証番号", "⑤ user login PIN"),
        Credential.UserConfirmationPin => T("⑥ 利用者確認暗証番号", "⑥ user confirmation PIN"),
        Credential.HardwareToken => T("トークン", "token"),
        _ => credential.ToString(),
    };

    public static string YesNo(bool value) => value ? T("あり", "yes") : T("なし", "no");
}
