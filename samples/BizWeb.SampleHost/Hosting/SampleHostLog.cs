namespace BizWeb.SampleHost.Hosting;

/// <summary>The host's own log events (ids 9000–9099); none carries a secret.</summary>
internal static partial class SampleHostLog
{
    [LoggerMessage(9001, LogLevel.Information, "Security e-mail {NotificationId} written to the mail drop")]
    public static partial void MailDropped(ILogger logger, Guid notificationId);
}
