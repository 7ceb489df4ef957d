namespace BizWeb.SampleHost.Operations;

/// <summary>How an operator's sign-in ended; the page shows one generic text per outcome.</summary>
internal enum OperatorSignInOutcome
{
    SignedIn,
    Failed,
    Locked,
}
