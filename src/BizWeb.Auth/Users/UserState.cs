namespace BizWeb.Auth;

/// <summary>The named states of a user (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §4, §5); transitions are in <see cref="UserLifecycle"/>.</summary>
public enum UserState
{
    /// <summary>Registered by the administrator with temporary PINs; 利用者開通確認 not done yet.</summary>
    Registered = 0,

    /// <summary>Activated: the user signs in with his own PINs.</summary>
    Active = 1,

    /// <summary>利用中止: a user credential locked; the administrator (or the bank) releases it.</summary>
    Suspended = 2,

    /// <summary>抹消: deleted; the user id is quarantined until the following Monday (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §2).</summary>
    Deleted = 3,
}
