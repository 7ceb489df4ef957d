using BizWeb.Auth;
using BizWeb.Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary><c>services.AddBizWeb(…).AddCertificateAuthority(…)</c>.</summary>
public static class CertificateAuthorityBuilderExtensions
{
    /// <summary>
    /// Registers the bank's CA: options (validated at start-up), the default key provider (encrypted
    /// PKCS#8 file) unless an <see cref="ICertificateAuthorityKeyProvider"/> is registered already,
    /// the in-memory certificate and CRL stores unless a storage package registered its own,
    /// <see cref="CertificateAuthority"/> and <see cref="CertificateExpiryReminders"/> (scoped), and
    /// the <see cref="IClientCertificateAuthenticator"/> the sign-in flows use. Options are bound from
    /// <c>BizWeb:CertificateAuthority</c> when <c>AddBizWeb</c> was given the <c>BizWeb</c> section and it
    /// has that sub-section. The CA key is loaded when the host starts, so a missing file or a wrong
    /// password stops the start.
    /// </summary>
    /// <param name="builder">The builder from <c>AddBizWeb</c>.</param>
    /// <param name="configure">Sets options in code; applied after any configuration binding.</param>
    /// <returns>The builder.</returns>
    public static BizWebBuilder AddCertificateAuthority(this BizWebBuilder builder, Action<CertificateAuthorityOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.PackageSection("CertificateAuthority") is { } section)
        {
            Bind(builder, section);
        }

        return Register(builder, configure);
    }

    private static BizWebBuilder Register(BizWebBuilder builder, Action<CertificateAuthorityOptions>? configure)
    {
        var services = builder.Services;
        var options = services.AddOptions<CertificateAuthorityOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        var fileKeyProvider = !services.Any(d => d.ServiceType == typeof(ICertificateAuthorityKeyProvider));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CertificateAuthorityOptions>>(new CertificateAuthorityOptionsValidator(fileKeyProvider)));
        services.TryAddSingleton<ICertificateAuthorityKeyProvider>(sp => new FileCertificateAuthorityKeyProvider(
            sp.GetRequiredService<IOptions<CertificateAuthorityOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new IssuingAuthority(sp.GetRequiredService<ICertificateAuthorityKeyProvider>()));
        // The key is loaded when the host starts: a wrong password stops the start, not the first sign-in.
        services.AddOptions<CertificateAuthorityKeyCheck>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CertificateAuthorityKeyCheck>, CertificateAuthorityKeyCheck.Validator>());
        services.TryAddSingleton<InMemoryCertificateStore>();
        services.TryAddSingleton<ICertificateStore>(sp => sp.GetRequiredService<InMemoryCertificateStore>());
        services.TryAddSingleton<ICertificateRevocationListStore>(sp => sp.GetRequiredService<InMemoryCertificateStore>());
        services.TryAddScoped<EnrollmentTicketFinder>(sp => sp.GetRequiredService<CertificateEnrollment>().FindTicketAsync);
        services.TryAddScoped<EnrollmentTicketRedeemer>(sp => sp.GetRequiredService<CertificateEnrollment>().RedeemTicketAsync);
        services.TryAddScoped(sp => new ClientCertificateAuthenticator(
            sp.GetRequiredService<IssuingAuthority>(),
            sp.GetRequiredService<ICertificateStore>(),
            sp.GetRequiredService<IPrincipalReader>(),
            sp.GetRequiredService<IAuthUnitOfWork>(),
            BankCodeOf(sp)));
        services.TryAddScoped<IClientCertificateAuthenticator>(sp => sp.GetRequiredService<ClientCertificateAuthenticator>());
        services.TryAddScoped(sp => new CertificateAuthority(
            sp.GetRequiredService<IssuingAuthority>(),
            sp.GetRequiredService<ICertificateStore>(),
            sp.GetRequiredService<ICertificateRevocationListStore>(),
            sp.GetRequiredService<EnrollmentTicketFinder>(),
            sp.GetRequiredService<EnrollmentTicketRedeemer>(),
            sp.GetRequiredService<CertificateHolders>(),
            sp.GetRequiredService<ClientCertificateAuthenticator>(),
            sp.GetRequiredService<IAuthUnitOfWork>(),
            sp.GetRequiredService<IOptions<CertificateAuthorityOptions>>().Value,
            BankCodeOf(sp),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddScoped(sp => new CertificateExpiryReminders(
            sp.GetRequiredService<ICertificateStore>(),
            sp.GetRequiredService<SecurityNotifications>(),
            sp.GetRequiredService<IOptions<CertificateAuthorityOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddScoped<ICertificateRevoker>(sp => new CertificateRevoker(sp.GetRequiredService<CertificateAuthority>()));
        return builder;
    }

    /// <summary>Registers the bank's CA with options bound from <paramref name="configuration"/> (e.g. <c>GetSection("BizWeb:CertificateAuthority")</c>), then <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder from <c>AddBizWeb</c>.</param>
    /// <param name="configuration">The configuration section.</param>
    /// <param name="configure">Sets options in code after binding.</param>
    /// <returns>The builder.</returns>
    public static BizWebBuilder AddCertificateAuthority(this BizWebBuilder builder, IConfiguration configuration, Action<CertificateAuthorityOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        Bind(builder, configuration);
        return Register(builder, configure);
    }

    private static void Bind(BizWebBuilder builder, IConfiguration configuration) =>
        builder.Services.AddOptions<CertificateAuthorityOptions>().Bind(configuration, binder => binder.ErrorOnUnknownConfiguration = true);

    private static BankCode BankCodeOf(IServiceProvider sp) =>
        BankCode.Parse(sp.GetRequiredService<IOptions<BizWebOptions>>().Value.BankCode).Value;
}
