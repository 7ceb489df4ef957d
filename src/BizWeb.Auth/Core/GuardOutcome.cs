namespace BizWeb.Auth;

/// <summary>How a guarded credential check ended.</summary>
internal enum GuardOutcome
{
    Verified,
    Failed,
    Locked,
    Malformed,
}
