namespace BizWeb.SampleHost.Pages.Ops.Tokens;

/// <summary>Log messages of the console's PSKC import jobs (ids and exception types only: never a file's content or a key).</summary>
internal static partial class PskcImportLog
{
    [LoggerMessage(EventId = 7301, Level = LogLevel.Error, Message = "PSKC import job {JobId} stopped: {ExceptionType}")]
    public static partial void Failed(ILogger logger, Guid jobId, string exceptionType);
}
