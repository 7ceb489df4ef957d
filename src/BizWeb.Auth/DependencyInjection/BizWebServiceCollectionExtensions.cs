using BizWeb.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The entry point: <c>services.AddBizWeb(options => …)</c>.</summary>
public static class BizWebServiceCollectionExtensions
{
    /// <summary>
    /// Registers the credential core: options (validated at start-up), the configured
    /// <see cref="PinPolicy"/>, the <see cref="IPinHasher"/>, and <see cref="TimeProvider.System"/>
    /// unless a <see cref="TimeProvider"/> is already registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options in code; applied after any configuration binding.</param>
    /// <returns>A builder the other BizWeb packages extend.</returns>
    public static BizWebBuilder AddBizWeb(this IServiceCollection services, Action<BizWebOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<BizWebOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BizWebOptions>, BizWebOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<BizWebOptions>>().Value.PinPolicy.ToPolicy());
        services.TryAddSingleton<IPinHasher>(sp => new PhcPinHasher(sp.GetRequiredService<IOptions<BizWebOptions>>().Value.PinHashing));
        return new BizWebBuilder(services);
    }

    /// <summary>
    /// Registers the credential core with options bound from <paramref name="configuration"/>
    /// (for example <c>builder.Configuration.GetSection("BizWeb")</c>), then <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding <see cref="BizWebOptions"/>.</param>
    /// <param name="configure">Sets options in code after binding.</param>
    /// <returns>A builder the other BizWeb packages extend.</returns>
    public static BizWebBuilder AddBizWeb(this IServiceCollection services, IConfiguration configuration, Action<BizWebOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BizWebOptions>().Bind(configuration, binder => binder.ErrorOnUnknownConfiguration = true);
        return services.AddBizWeb(configure);
    }
}
