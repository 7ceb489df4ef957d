using BizWeb.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The entry point: <c>services.AddBizWeb(options => …)</c>.</summary>
public static class BizWebServiceCollectionExtensions
{
    /// <summary>
    /// Registers the credential core: options (validated at start-up), the configured
    /// <see cref="PinPolicy"/>, the <see cref="IPinHasher"/>, <see cref="TimeProvider.System"/>
    /// unless a <see cref="TimeProvider"/> is already registered, the in-memory stores (a storage
    /// package replaces them), and the flows as scoped services (<see cref="AdminActivation"/>,
    /// <see cref="AdminSignIn"/>, <see cref="UserAdministration"/>, <see cref="CertificateEnrollment"/>,
    /// <see cref="UserActivation"/>, <see cref="UserSignIn"/>, <see cref="CredentialChanges"/>,
    /// <see cref="BankOperations"/>, <see cref="AdminAuthorization"/>, <see cref="SessionValidation"/>,
    /// <see cref="BankOperatorAuthentication"/> (which needs the host's <see cref="IBankOperatorAuthenticator"/>),
    /// <see cref="OptionalSettings"/>, <see cref="Transfers"/> (which needs an <see cref="ITransferExecutor"/>
    /// and, from <c>AddHardwareTokens()</c>, an <see cref="ITransferConfirmationVerifier"/>),
    /// <see cref="AuditTrail"/>, <see cref="SecurityNotifications"/> and <see cref="CertificateHolders"/>
    /// (for the certificates package), and <see cref="NotificationDispatcher"/> once an
    /// <see cref="INotificationSender"/> is registered). When the host starts, it fails listing every
    /// seam the flows need that nothing registered: <see cref="IClientCertificateAuthenticator"/>,
    /// <see cref="ICustomerCardVerifier"/>, <see cref="IHardwareTokenVerifier"/>,
    /// <see cref="ITransferConfirmationVerifier"/>, <see cref="ITransferExecutor"/>,
    /// <see cref="INotificationSender"/> and <see cref="IBankOperatorAuthenticator"/>.
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
        // The seams other packages or the bank provide are checked when the host starts, all at once.
        services.AddOptions<RequiredSeams>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RequiredSeams>, RequiredSeamsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<BizWebOptions>>().Value.PinPolicy.ToPolicy());
        services.TryAddSingleton<IPinHasher>(sp => new PhcPinHasher(sp.GetRequiredService<IOptions<BizWebOptions>>().Value.PinHashing));
        AddInMemoryStores(services);
        services.TryAddScoped<IPrincipalReader>(sp => new StorePrincipalReader(sp.GetRequiredService<IContractStore>(), sp.GetRequiredService<IUserStore>()));
        services.TryAddScoped(sp => new AuthCore(
            sp.GetRequiredService<IContractStore>(),
            sp.GetRequiredService<IUserStore>(),
            sp.GetRequiredService<IFlowTicketStore>(),
            sp.GetRequiredService<ICredentialCounterStore>(),
            sp.GetRequiredService<IAuthUnitOfWork>(),
            sp.GetRequiredService<IPinHasher>(),
            sp.GetRequiredService<PinPolicy>(),
            sp.GetRequiredService<IOptions<BizWebOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IPrincipalReader>(),
            sp.GetService<IClientCertificateAuthenticator>(),
            sp.GetService<ILoggerFactory>()));
        services.TryAddScoped(sp => new BankOperations(sp.GetRequiredService<AuthCore>(), sp.GetService<ICertificateRevoker>(), sp.GetRequiredService<IContractSettingsStore>()));
        services.TryAddScoped(sp => new AdminAuthorization(sp.GetRequiredService<AuthCore>()));
        services.TryAddScoped(sp => new AdminActivation(sp.GetRequiredService<AuthCore>(), sp.GetService<ICustomerCardVerifier>()));
        services.TryAddScoped(sp => new AdminSignIn(sp.GetRequiredService<AuthCore>(), sp.GetService<ICustomerCardVerifier>()));
        services.TryAddScoped(sp => new UserAdministration(sp.GetRequiredService<AuthCore>(), sp.GetService<ICertificateRevoker>(), sp.GetRequiredService<IContractSettingsStore>()));
        services.TryAddScoped(sp => new OptionalSettings(sp.GetRequiredService<AuthCore>(), sp.GetRequiredService<IContractSettingsStore>(), sp.GetService<ISecretProtector>()));
        services.TryAddScoped(sp => new Transfers(
            sp.GetRequiredService<AuthCore>(),
            sp.GetRequiredService<IContractSettingsStore>(),
            sp.GetRequiredService<ITransferStore>(),
            sp.GetRequiredService<ITransferTotalStore>(),
            sp.GetService<ITransferConfirmationVerifier>(),
            sp.GetService<ITransferExecutor>()));
        services.TryAddScoped(sp => new SecurityNotifications(sp.GetRequiredService<AuthCore>()));
        services.TryAddScoped(sp => new CertificateHolders(sp.GetRequiredService<AuthCore>()));
        services.TryAddScoped(sp => new CertificateEnrollment(sp.GetRequiredService<AuthCore>(), sp.GetService<ICustomerCardVerifier>(), sp.GetService<IHardwareTokenVerifier>()));
        services.TryAddScoped(sp => new UserActivation(sp.GetRequiredService<AuthCore>()));
        services.TryAddScoped(sp => new UserSignIn(sp.GetRequiredService<AuthCore>()));
        services.TryAddScoped(sp => new CredentialChanges(sp.GetRequiredService<AuthCore>()));
        services.TryAddScoped(sp => new SessionValidation(sp.GetRequiredService<AuthCore>()));
        services.TryAddScoped(sp => new BankOperatorAuthentication(sp.GetRequiredService<IBankOperatorAuthenticator>()));
        services.TryAddScoped(sp => new AuditTrail(sp.GetRequiredService<IAuditTrailStore>()));
        services.TryAddScoped(sp => new NotificationDispatcher(sp.GetRequiredService<INotificationOutbox>(), sp.GetRequiredService<INotificationSender>(), sp.GetRequiredService<AuthCore>()));
        return new BizWebBuilder(services);
    }

    /// <summary>
    /// Registers one <see cref="InMemoryAuthStore"/> for every auth store interface, unless a storage
    /// package registered its own first (or replaces them after).
    /// </summary>
    private static void AddInMemoryStores(IServiceCollection services)
    {
        services.TryAddSingleton<InMemoryAuthStore>();
        services.TryAddSingleton<IContractStore>(sp => sp.GetRequiredService<InMemoryAuthStore>());
        services.TryAddSingleton<IUserStore>(sp => sp.GetRequiredService<InMemoryAuthStore>());
        services.TryAddSingleton<IFlowTicketStore>(sp => sp.GetRequiredService<InMemoryAuthStore>());
        services.TryAddSingleton<ICredentialCounterStore>(sp => sp.GetRequiredService<InMemoryAuthStore>());
        services.TryAddSingleton<IAuditTrailStore>(sp => sp.GetRequiredService<InMemoryAuthStore>());
        services.TryAddSingleton<INotificationOutbox>(sp => sp.GetRequiredService<InMemoryAuthStore>());
        services.TryAddSingleton<IAuthUnitOfWork>(sp => sp.GetRequiredService<InMemoryAuthStore>());
        services.TryAddSingleton<IContractSettingsStore>(sp => sp.GetRequiredService<InMemoryAuthStore>());
        services.TryAddSingleton<ITransferStore>(sp => sp.GetRequiredService<InMemoryAuthStore>());
        services.TryAddSingleton<ITransferTotalStore>(sp => sp.GetRequiredService<InMemoryAuthStore>());
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
