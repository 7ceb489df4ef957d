using BizWeb.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BizWeb.Testing.Auth;

/// <summary>
/// The harness's doubles for every seam <c>AddBizWeb</c> checks at start-up, for tests of one package's
/// registrations: each is added only where nothing is registered yet, so the services under test stay.
/// </summary>
public static class TestSeams
{
    /// <summary>Adds a double for each seam still missing.</summary>
    /// <param name="services">The container under test.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddMissingSeams(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IClientCertificateAuthenticator, TestCertificates>();
        services.TryAddSingleton<ICustomerCardVerifier, TestCustomerCard>();
        services.TryAddSingleton<IHardwareTokenVerifier, TestHardwareToken>();
        services.TryAddSingleton<ITransferConfirmationVerifier>(sp => new TestTransferConfirmations(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ITransferExecutor, TestTransferExecutor>();
        services.TryAddSingleton<INotificationSender, RecordingNotificationSender>();
        services.TryAddSingleton<IBankOperatorAuthenticator, TestBankOperators>();
        return services;
    }

    /// <summary>
    /// Registers <paramref name="harness"/>'s store, clock, PIN hasher and in-test seams as the
    /// singletons of another container (a web host's), so the host's flows and the harness share the
    /// same data: the test sets up contracts through the harness and drives them through the host.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="harness">The harness whose parts are shared.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddHarnessSeams(this IServiceCollection services, AuthHarness harness)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(harness);
        return services
            .AddSingleton(harness.Store)
            .AddSingleton<TimeProvider>(harness.Time)
            .AddSingleton<IPinHasher>(harness.Hasher)
            .AddSingleton<IClientCertificateAuthenticator>(harness.Certificates)
            .AddSingleton<ICustomerCardVerifier>(harness.Card)
            .AddSingleton<IHardwareTokenVerifier>(harness.Token)
            .AddSingleton<ITransferConfirmationVerifier>(harness.TransferConfirmations)
            .AddSingleton<ITransferExecutor>(harness.Executor)
            .AddSingleton<INotificationSender>(harness.Mail)
            .AddSingleton<IBankOperatorAuthenticator, TestBankOperators>();
    }
}
