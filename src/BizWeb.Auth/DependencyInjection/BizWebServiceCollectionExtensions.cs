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
        // One gate for every KDF evaluation of the process: the memory a flood can take is bounded per process.
        services.TryAddSingleton<KdfAdmission>();
        AddInMemoryStores(services);
        services.TryAddScoped<IPrincipalReader>(sp => new StorePrincipalReader(sp.GetRequiredService<IContractStore>(), sp.GetRequiredService<IUserStore>()));
        // The flows' collaborators, each a service of its own: the clock, the audit writer, the one
        // retry policy, the lockout guard and what checks PINs, callers, tickets and certificates.
        services.TryAddSingleton<BankClock>();
        services.TryAddScoped<AuditWriter>();
        services.TryAddScoped<Committer>();
        services.TryAddScoped<CredentialGuard>();
        services.TryAddScoped<CallerCheck>();
        services.TryAddScoped<PinGuard>();
        services.TryAddScoped<Tickets>();
        services.TryAddScoped<CertificateGate>();
        services.TryAddScoped<CredentialCounters>();
        services.TryAddScoped<UserReleases>();

        // The flows, activated through their constructors (FlowActivation): what a flow needs is its constructor.
        services.TryAddScoped(FlowActivation.Create<BankOperations>);
        services.TryAddScoped(FlowActivation.Create<AdminAuthorization>);
        services.TryAddScoped(FlowActivation.Create<AdminActivation>);
        services.TryAddScoped(FlowActivation.Create<AdminSignIn>);
        services.TryAddScoped(FlowActivation.Create<UserAdministration>);
        services.TryAddScoped(FlowActivation.Create<OptionalSettings>);
        services.TryAddScoped(FlowActivation.Create<Transfers>);
        services.TryAddScoped(FlowActivation.Create<SecurityNotifications>);
        services.TryAddScoped(FlowActivation.Create<CertificateHolders>);
        services.TryAddScoped(FlowActivation.Create<CertificateEnrollment>);
        services.TryAddScoped(FlowActivation.Create<UserActivation>);
        services.TryAddScoped(FlowActivation.Create<UserSignIn>);
        services.TryAddScoped(FlowActivation.Create<CredentialChanges>);
        services.TryAddScoped(FlowActivation.Create<SessionValidation>);
        services.TryAddScoped(FlowActivation.Create<BankOperatorAuthentication>);
        services.TryAddScoped(FlowActivation.Create<AuditTrail>);
        services.TryAddScoped(FlowActivation.Create<NotificationDispatcher>);
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
    /// The section is the whole SDK's tree: an unknown key is an error naming its path, except the
    /// sub-sections the other packages bind when they are added without a section of their own
    /// (<c>CertificateAuthority</c>, <c>Smtp</c>, <c>AspNetCore</c>, <c>CustomerCards</c>, <c>HardwareTokens</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding <see cref="BizWebOptions"/>.</param>
    /// <param name="configure">Sets options in code after binding.</param>
    /// <returns>A builder the other BizWeb packages extend.</returns>
    public static BizWebBuilder AddBizWeb(this IServiceCollection services, IConfiguration configuration, Action<BizWebOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BizWebOptions>().Configure(options => BizWebConfigurationSections.BindCore(configuration, options));
        var builder = services.AddBizWeb(configure);
        builder.Configuration = configuration;
        return builder;
    }
}
