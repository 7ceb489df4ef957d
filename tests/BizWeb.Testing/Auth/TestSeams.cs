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
}
