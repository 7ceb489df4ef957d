namespace BizWeb.Notifications.Smtp;

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS, required: the connection fails if the server does not offer it (port 587). The default.</summary>
    StartTls = 0,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect = 1,

    /// <summary>No encryption: only for a mail sink on the same machine (development, tests); refused for any other host.</summary>
    None = 2,
}
