using Microsoft.Extensions.Logging;

namespace BizWeb.Auth;

/// <summary>Log events with stable ids. Arguments are kinds, states and codes: never a secret or a guessed identifier.</summary>
internal static partial class AuthLog
{
    /// <summary>The SDK's logger (category "BizWeb.Auth"), or none without a logger factory.</summary>
    public static ILogger Logger(ILoggerFactory? loggerFactory) =>
        (ILogger?)loggerFactory?.CreateLogger("BizWeb.Auth") ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Sign-in of {PrincipalKind} ended with {Outcome}")]
    public static partial void SignIn(ILogger logger, string principalKind, string outcome);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Credential {Credential} locked; scope {Scope}")]
    public static partial void CredentialLocked(ILogger logger, Credential credential, string scope);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Wrong {Credential} ({Failures} consecutive)")]
    public static partial void CredentialFailed(ILogger logger, Credential credential, int failures);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "A commit conflicted {Attempts} times and was given up")]
    public static partial void CommitGivenUp(ILogger logger, int attempts);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Bank operation {Action} by an operator ended with {Outcome}")]
    public static partial void BankOperation(ILogger logger, string action, AuditOutcome outcome);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "BizWeb is using the in-memory stores: data is lost when the process ends and every process counts failures on its own. Register the EF Core stores for anything but tests and demos.")]
    public static partial void InMemoryStores(ILogger logger);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "KDF admission refused {Refused} PIN evaluations as busy since the last report; {InFlight} running, {Waiting} waiting (limits {Limit} running, {QueueLimit} waiting)")]
    public static partial void KdfRefused(ILogger logger, long refused, int inFlight, int waiting, int limit, int queueLimit);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Security notification {NotificationId} ({Event}) failed on attempt {Attempt}: {ErrorType}")]
    public static partial void NotificationFailed(ILogger logger, Guid notificationId, SecurityEvent @event, int attempt, string errorType);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Security notification {NotificationId} ({Event}) abandoned after {Attempt} attempts")]
    public static partial void NotificationAbandoned(ILogger logger, Guid notificationId, SecurityEvent @event, int attempt);
}
