namespace BizWeb.Auth;

/// <summary>Limits of the user's names (利用者名), which the manual leaves open.</summary>
internal static class UserNames
{
    /// <summary>The longest name accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 60;
}
