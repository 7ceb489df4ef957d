using System.Net;
using Microsoft.Extensions.Options;

namespace BizWeb.AspNetCore;

/// <summary>Checks <see cref="BizWebAspNetCoreOptions"/> at start-up and reports every problem at once, by configuration path.</summary>
internal sealed class BizWebAspNetCoreOptionsValidator : IValidateOptions<BizWebAspNetCoreOptions>
{
    private const string Section = "BizWeb:AspNetCore";

    public ValidateOptionsResult Validate(string? name, BizWebAspNetCoreOptions options)
    {
        List<string> problems = [];
        if (options.CookieName is null || !options.CookieName.StartsWith("__Host-", StringComparison.Ordinal) || options.CookieName.Length == "__Host-".Length)
        {
            problems.Add($"{Section}:CookieName must be a __Host- cookie name.");
        }

        if (options.IdleTimeout <= TimeSpan.Zero || options.IdleTimeout > TimeSpan.FromHours(8))
        {
            problems.Add($"{Section}:IdleTimeout must be between 0 and 8 hours.");
        }

        if (options.AbsoluteTimeout < options.IdleTimeout || options.AbsoluteTimeout > TimeSpan.FromHours(24))
        {
            problems.Add($"{Section}:AbsoluteTimeout must be at least IdleTimeout and at most 24 hours.");
        }

        if (options.SessionEndedPath is not { Length: > 0 } path || !path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
        {
            problems.Add($"{Section}:SessionEndedPath must be a local path starting with one '/'.");
        }

        foreach (var proxy in options.TrustedProxies)
        {
            if (!IPAddress.TryParse(proxy, out _))
            {
                problems.Add($"{Section}:TrustedProxies: '{proxy}' is not an IP address.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.ClientCertificateHeader))
        {
            problems.Add($"{Section}:ClientCertificateHeader is required.");
        }

        if (options.CredentialPostsPerClientPerMinute is < 1 or > 10_000)
        {
            problems.Add($"{Section}:CredentialPostsPerClientPerMinute must be between 1 and 10000.");
        }

        if (options.CredentialPostsPerContractPerMinute is < 1 or > 10_000)
        {
            problems.Add($"{Section}:CredentialPostsPerContractPerMinute must be between 1 and 10000.");
        }

        if (options.DispatchInterval < TimeSpan.FromMilliseconds(100) || options.DispatchInterval > TimeSpan.FromHours(1))
        {
            problems.Add($"{Section}:DispatchInterval must be between 100 ms and 1 hour.");
        }

        if (options.ExpiryReminderInterval < TimeSpan.FromSeconds(1) || options.ExpiryReminderInterval > TimeSpan.FromDays(1))
        {
            problems.Add($"{Section}:ExpiryReminderInterval must be between 1 second and 1 day.");
        }

        if (options.OutboxBacklogLimit < 1)
        {
            problems.Add($"{Section}:OutboxBacklogLimit must be at least 1.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
