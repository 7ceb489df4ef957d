using BizWeb.Auth;
using BizWeb.Tokens;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary><c>AddCustomerCards()</c> and <c>AddHardwareTokens(…)</c> on the BizWeb builder.</summary>
public static class TokensBizWebBuilderExtensions
{
    /// <summary>
    /// Registers the customer card (②): <see cref="ICustomerCardVerifier"/> for admin activation and
    /// sign-in, <see cref="CustomerCardIssuance"/> for the bank, the options (validated at start-up,
    /// which also checks that an <see cref="ISecretProtector"/> is registered), and in-memory
    /// <see cref="ICustomerCardStore"/> and <see cref="ICustomerCardChallengeStore"/> unless a storage
    /// package registered its own. Options are bound from <c>BizWeb:CustomerCards</c> when <c>AddBizWeb</c>
    /// was given the <c>BizWeb</c> section and it has that sub-section.
    /// </summary>
    /// <param name="builder">The builder from <c>AddBizWeb</c>.</param>
    /// <param name="configure">Sets options in code, after those bound from the builder's configuration (if any).</param>
    /// <returns>The builder.</returns>
    public static BizWebBuilder AddCustomerCards(this BizWebBuilder builder, Action<CustomerCardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<CustomerCardOptions>().ValidateOnStart();
        if (builder.PackageSection("CustomerCards") is { } section)
        {
            options.Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CustomerCardOptions>, CustomerCardOptionsValidator>());
        services.TryAddSingleton<ICustomerCardStore, InMemoryCustomerCardStore>();
        services.TryAddSingleton<ICustomerCardChallengeStore, InMemoryCustomerCardChallengeStore>();
        services.TryAddScoped<ICustomerCardVerifier>(sp => new CustomerCardVerifier(
            sp.GetRequiredService<ICustomerCardStore>(),
            sp.GetRequiredService<ICustomerCardChallengeStore>(),
            sp.GetRequiredService<ISecretProtector>(),
            sp.GetRequiredService<IOptions<CustomerCardOptions>>()));
        services.TryAddScoped<CustomerCardIssuance>();
        return builder;
    }

    /// <summary>
    /// Registers hardware tokens: <see cref="IHardwareTokenVerifier"/> for user certificate enrollment,
    /// <see cref="HardwareTokenInventory"/> for the bank, <see cref="HardwareTokenRegistration"/> for the
    /// administrator, <see cref="TransactionConfirmations"/> and the <see cref="ITransferConfirmationVerifier"/>
    /// the auth transfer flow uses, the options (validated at start-up, which
    /// also checks that an <see cref="ISecretProtector"/> is registered), and in-memory
    /// <see cref="IHardwareTokenStore"/> and <see cref="ITransactionConfirmationStore"/> unless a
    /// storage package registered its own. Options are bound from <c>BizWeb:HardwareTokens</c> when
    /// <c>AddBizWeb</c> was given the <c>BizWeb</c> section and it has that sub-section.
    /// </summary>
    /// <param name="builder">The builder from <c>AddBizWeb</c>.</param>
    /// <param name="configure">Sets options in code, after those bound from the builder's configuration (if any).</param>
    /// <returns>The builder.</returns>
    public static BizWebBuilder AddHardwareTokens(this BizWebBuilder builder, Action<HardwareTokenOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<HardwareTokenOptions>().ValidateOnStart();
        if (builder.PackageSection("HardwareTokens") is { } section)
        {
            options.Bind(section, binder => binder.ErrorOnUnknownConfiguration = true);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HardwareTokenOptions>, HardwareTokenOptionsValidator>());
        services.TryAddSingleton<IHardwareTokenStore, InMemoryHardwareTokenStore>();
        services.TryAddSingleton<ITransactionConfirmationStore, InMemoryTransactionConfirmationStore>();
        services.TryAddScoped<IHardwareTokenVerifier>(sp => new HardwareTokenVerifier(
            new HardwareTokenCodes(sp.GetRequiredService<IHardwareTokenStore>(), sp.GetRequiredService<ISecretProtector>()),
            sp.GetRequiredService<IOptions<HardwareTokenOptions>>()));
        services.TryAddScoped<HardwareTokenInventory>();
        services.TryAddScoped<HardwareTokenRegistration>();
        services.TryAddScoped<TransactionConfirmations>();
        services.TryAddScoped<ITransferConfirmationVerifier>(sp => new TransferConfirmationVerifier(sp.GetRequiredService<TransactionConfirmations>()));
        return builder;
    }
}
