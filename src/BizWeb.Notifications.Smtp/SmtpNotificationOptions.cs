namespace BizWeb.Notifications.Smtp;

/// <summary>Where and how security e-mails are sent; bound from configuration section <c>BizWeb:Smtp</c> by convention.</summary>
public sealed class SmtpNotificationOptions
{
    /// <summary>The SMTP server's host name.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>The port: 587 by default (STARTTLS).</summary>
    public int Port { get; set; } = 587;

    /// <summary>Connection security; STARTTLS by default.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The account to authenticate as, or empty for none.</summary>
    public string? UserName { get; set; }

    /// <summary>The account's password (from a secret store, never from a committed file).</summary>
    public string? Password { get; set; }

    /// <summary>The sender address, e.g. <c>noreply@bank.example.jp</c>.</summary>
    public string FromAddress { get; set; } = string.Empty;

    /// <summary>The sender's display name, e.g. 「○○信用金庫 ビジネスWeb」.</summary>
    public string FromName { get; set; } = "ビジネスWeb";

    /// <summary>How long one send may take: 30 seconds by default.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public override string ToString() => $"SMTP {Host}:{Port} ({Security}){(string.IsNullOrEmpty(UserName) ? string.Empty : " with authentication")}";
}
