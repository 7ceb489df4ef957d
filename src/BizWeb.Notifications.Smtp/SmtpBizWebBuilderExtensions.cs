using BizWeb.Auth;
using BizWeb.Notifications.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary><c>services.AddBizWeb(…).AddSmtpNotifications(…)</c>.</summary>
public static class SmtpBizWebBuilderExtensions
{
    /// <summary>Sends security notifications over SMTP; options are validated at start-up.</summary>
    /// <param name="builder">The BizWeb builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static BizWebBuilder AddSmtpNotifications(this BizWebBuilder builder, Action<SmtpNotificationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<SmtpNotificationOptions>().Configure(configure).ValidateOnStart();
        return Register(builder);
    }

    /// <summary>
    /// Sends security notifications over SMTP with options bound from <c>BizWeb:Smtp</c>, the sub-section of
    /// the section given to <c>AddBizWeb(configuration)</c>; a missing section stops the start like any invalid option.
    /// </summary>
    /// <param name="builder">The BizWeb builder.</param>
    /// <returns>The builder.</returns>
    public static BizWebBuilder AddSmtpNotifications(this BizWebBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<SmtpNotificationOptions>().ValidateOnStart();
        if (builder.PackageSection("Smtp") is { } section)
        {
            options.Bind(section, o => o.ErrorOnUnknownConfiguration = true);
        }

        return Register(builder);
    }

    /// <summary>Sends security notifications over SMTP with options bound from <paramref name="configuration"/> (e.g. <c>BizWeb:Smtp</c>).</summary>
    /// <param name="builder">The BizWeb builder.</param>
    /// <param name="configuration">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static BizWebBuilder AddSmtpNotifications(this BizWebBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddOptions<SmtpNotificationOptions>().Bind(configuration, o => o.ErrorOnUnknownConfiguration = true).ValidateOnStart();
        return Register(builder);
    }

    private static BizWebBuilder Register(BizWebBuilder builder)
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpNotificationOptions>, SmtpNotificationOptionsValidator>());
        builder.Services.Replace(ServiceDescriptor.Singleton<INotificationSender, SmtpNotificationSender>());
        return builder;
    }
}
