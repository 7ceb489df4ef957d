using BizWeb.Auth;

namespace BizWeb.SampleHost.Pages;

/// <summary>A user's state as the administrator's screens name it.</summary>
public static class UserStates
{
    public static string NameOf(UserSummary user) => user.AccidentRegistered
        ? SiteText.T("事故登録中", "Accident registered")
        : user.State switch
        {
            UserState.Registered => SiteText.T("開通確認待ち", "Awaiting activation"),
            UserState.Active => SiteText.T("利用中", "Active"),
            UserState.Suspended => SiteText.T("利用中止", "Suspended"),
            _ => SiteText.T("抹消", "Deleted"),
        };
}
