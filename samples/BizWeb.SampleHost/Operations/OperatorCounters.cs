using BizWeb.Auth;

namespace BizWeb.SampleHost.Operations;

/// <summary>
/// The keys the console uses in the SDK's <see cref="ICredentialCounterStore"/> (shared by every
/// instance through the database). Prefixed <c>ops</c> so they never meet the SDK's
/// <c>{contract}[/{user}]#{credential}</c> keys; at most 80 characters.
/// </summary>
internal static class OperatorCounters
{
    /// <summary>How long guesses at an operator id that does not exist are remembered.</summary>
    public static readonly TimeSpan UnknownOperatorWindow = TimeSpan.FromHours(24);

    /// <summary>How long a used TOTP step is remembered: longer than the window it could be accepted in.</summary>
    public static readonly TimeSpan UsedStepLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Consecutive sign-in failures of an operator (password or code).</summary>
    public static string Failures(string operatorId) => $"ops:{operatorId}#signin";

    /// <summary>Failures against an operator id that does not exist (same limit, forgotten after a day).</summary>
    public static string UnknownFailures(string operatorId) => $"ops?{operatorId}#signin";

    /// <summary>A TOTP step of an operator that has been accepted (a counter with limit 1: reserved once).</summary>
    public static string UsedStep(string operatorId, long step) => $"ops:{operatorId}#totp:{step}";

    public static int Limit(BizWebOptions options) => options.Lockout.MaxConsecutiveFailures;
}
