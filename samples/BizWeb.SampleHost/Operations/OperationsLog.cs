namespace BizWeb.SampleHost.Operations;

/// <summary>The operations console's log events (ids 9100–9199); none carries a password, seed, code or PIN.</summary>
internal static partial class OperationsLog
{
    [LoggerMessage(9101, LogLevel.Information, "Operator {OperatorId} signed in to the operations console")]
    public static partial void OperatorSignedIn(ILogger logger, string operatorId);

    [LoggerMessage(9102, LogLevel.Warning, "An operations console sign-in failed ({Failures} consecutive failures)")]
    public static partial void OperatorSignInFailed(ILogger logger, int failures);

    [LoggerMessage(9103, LogLevel.Warning, "Operator {OperatorId} is locked after {Failures} consecutive failures")]
    public static partial void OperatorLocked(ILogger logger, string operatorId, int failures);

    [LoggerMessage(9104, LogLevel.Warning, "A one-time password of operator {OperatorId} was replayed and refused")]
    public static partial void OperatorCodeReplayed(ILogger logger, string operatorId);

    [LoggerMessage(9105, LogLevel.Information, "First run: operator {OperatorId} created in {Path}; its password and TOTP URI were written once to the owner-only file {DetailsPath}, never to the console or the log")]
    public static partial void OperatorCreated(ILogger logger, string operatorId, string path, string detailsPath);

    [LoggerMessage(9106, LogLevel.Warning, "Test clock moved forward by {Minutes} minutes (offset now {Offset})")]
    public static partial void TestClockAdvanced(ILogger logger, int minutes, TimeSpan offset);

    [LoggerMessage(9107, LogLevel.Information, "Operator {OperatorId} unlocked operator {Target}")]
    public static partial void OperatorUnlocked(ILogger logger, string operatorId, string target);
}
