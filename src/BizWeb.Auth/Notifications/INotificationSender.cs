namespace BizWeb.Auth;

/// <summary>
/// Delivers security e-mails (the SMTP implementation is <c>BizWeb.Notifications.Smtp</c>). Throw on
/// failure; the dispatcher retries with backoff.
/// </summary>
public interface INotificationSender
{
    /// <summary>Sends one message.</summary>
    /// <param name="message">The rendered message.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the message was accepted.</returns>
    Task SendAsync(NotificationMessage message, CancellationToken cancellationToken);
}
