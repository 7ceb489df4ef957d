using System.Text;
using BizWeb.Auth;

namespace BizWeb.SampleHost.Hosting;

/// <summary>
/// Without an SMTP server configured, security e-mails are written as files to
/// <c>{DataDirectory}/mail</c> (one per notification, named by its idempotency key, so a retry
/// overwrites instead of duplicating), where an evaluator can read them.
/// </summary>
internal sealed class MailDropNotificationSender(string directory, ILogger<MailDropNotificationSender> logger) : INotificationSender
{
    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        SampleHostSettings.CreateOwnerOnlyDirectory(directory);
        var path = Path.Combine(directory, $"{message.IdempotencyKey:N}.eml.txt");
        var text = $"To: {message.To}\nSubject: {message.Subject}\nMessage-Id: <{message.IdempotencyKey:N}@bizweb.sample>\n\n{message.Body}\n";
        await File.WriteAllTextAsync(path, text, Encoding.UTF8, cancellationToken);
        SampleHostLog.MailDropped(logger, message.IdempotencyKey);
    }
}
