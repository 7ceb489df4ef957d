using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace BizWeb.Notifications.Smtp;

/// <summary>Checks <see cref="SmtpNotificationOptions"/> at start-up and reports every problem at once.</summary>
internal sealed class SmtpNotificationOptionsValidator : IValidateOptions<SmtpNotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpNotificationOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            problems.Add("BizWeb:Smtp:Host is required.");
        }

        if (options.Port is < 1 or > 65535)
        {
            problems.Add("BizWeb:Smtp:Port must be between 1 and 65535.");
        }

        if (!Enum.IsDefined(options.Security))
        {
            problems.Add("BizWeb:Smtp:Security must be StartTls, SslOnConnect or None.");
        }

        if (!MailAddress.TryCreate(options.FromAddress, out _))
        {
            problems.Add("BizWeb:Smtp:FromAddress must be an e-mail address.");
        }

        if (options.Security == SmtpSecurity.None && !IsLoopback(options.Host))
        {
            problems.Add("BizWeb:Smtp:Security None (no encryption) is allowed only for a mail sink on this machine (localhost, 127.0.0.1, ::1).");
        }

        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            problems.Add("BizWeb:Smtp:UserName and Password are given together or not at all.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            problems.Add("BizWeb:Smtp:Timeout must be positive and at most 5 minutes.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsLoopback(string? host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));
}
