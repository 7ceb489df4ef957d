using BizWeb.Auth;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace BizWeb.Notifications.Smtp;

/// <summary>
/// Sends a rendered security notification over SMTP with MailKit: one connection per message (the
/// outbox sends few), UTF-8 plain text, and the notification id as the Message-ID so a message sent
/// again after a lost acknowledgement is recognisable as the same one. Failures throw; the
/// <see cref="NotificationDispatcher"/> retries with backoff.
/// </summary>
public sealed class SmtpNotificationSender : INotificationSender
{
    private readonly SmtpNotificationOptions _options;

    /// <summary>Creates the sender.</summary>
    /// <param name="options">The validated options.</param>
    public SmtpNotificationSender(IOptions<SmtpNotificationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <inheritdoc />
    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var mime = Build(message);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        await client.ConnectAsync(_options.Host, _options.Port, Socket(_options.Security), timeout.Token).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, timeout.Token).ConfigureAwait(false);
        }

        await client.SendAsync(mime, timeout.Token).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, timeout.Token).ConfigureAwait(false);
    }

    /// <summary>The MIME message for <paramref name="message"/>.</summary>
    internal MimeMessage Build(NotificationMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.MessageId = $"{message.IdempotencyKey:N}@{MessageIdDomain()}";
        mime.Headers.Add("X-BizWeb-Notification-Id", message.IdempotencyKey.ToString("D"));
        mime.Body = new TextPart(TextFormat.Plain) { Text = message.Body };
        return mime;
    }

    private string MessageIdDomain()
    {
        var at = _options.FromAddress.LastIndexOf('@');
        return at >= 0 ? _options.FromAddress[(at + 1)..] : "bizweb.invalid";
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}
