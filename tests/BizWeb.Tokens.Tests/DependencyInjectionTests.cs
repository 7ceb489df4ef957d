using System.Security.Cryptography;
using BizWeb.Auth;
using BizWeb.Testing.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BizWeb.Tokens.Tests;

/// <summary>AddCustomerCards() and AddHardwareTokens(…): registrations, replaceable stores, options validated at start-up.</summary>
public sealed class DependencyInjectionTests
{
    private static ServiceProvider Build(Action<IServiceCollection>? before = null, Action<CustomerCardOptions>? cards = null, Action<HardwareTokenOptions>? tokens = null, bool protector = true, bool validateOnBuild = true)
    {
        var services = new ServiceCollection();
        if (protector)
        {
            services.AddSingleton<ISecretProtector>(new AesGcmSecretProtector(new Dictionary<byte, byte[]> { [1] = RandomNumberGenerator.GetBytes(32) }, 1));
        }

        before?.Invoke(services);
        services.AddBizWeb().AddCustomerCards(cards).AddHardwareTokens(tokens);
        services.AddMissingSeams();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = validateOnBuild, ValidateScopes = true });
    }

    private static void StartUp(IServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    [Fact]
    public void Everything_resolves_with_the_defaults()
    {
        using var provider = Build();
        StartUp(provider);
        using var scope = provider.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ICustomerCardVerifier>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IHardwareTokenVerifier>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<CustomerCardIssuance>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<HardwareTokenInventory>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<HardwareTokenRegistration>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<TransactionConfirmations>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ITransferConfirmationVerifier>());
        Assert.Equal(3, provider.GetRequiredService<IOptions<CustomerCardOptions>>().Value.ChallengePositions);
        Assert.Equal(1, provider.GetRequiredService<IOptions<HardwareTokenOptions>>().Value.VerificationWindow);
    }

    [Fact]
    public void A_storage_package_registered_first_keeps_its_stores()
    {
        using var custom = new InMemoryHardwareTokenStore(new InMemoryAuthStore());
        using var provider = Build(services => services.AddSingleton<IHardwareTokenStore>(custom));
        Assert.Same(custom, provider.GetRequiredService<IHardwareTokenStore>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void Card_positions_outside_1_to_8_fail_at_start_up(int k)
    {
        using var provider = Build(cards: o => o.ChallengePositions = k);
        var ex = Assert.Throws<OptionsValidationException>(() => StartUp(provider));
        Assert.Contains("ChallengePositions", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_token_settings_fail_at_start_up_all_at_once()
    {
        using var provider = Build(tokens: o =>
        {
            o.VerificationWindow = -1;
            o.TransactionConfirmationLifetime = TimeSpan.Zero;
        });
        var ex = Assert.Throws<OptionsValidationException>(() => StartUp(provider));
        Assert.Contains("VerificationWindow", ex.Message, StringComparison.Ordinal);
        Assert.Contains("TransactionConfirmationLifetime", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_guards_default_to_a_two_step_window_seven_per_serial_and_ten_per_contract_day()
    {
        using var provider = Build();
        var options = provider.GetRequiredService<IOptions<HardwareTokenOptions>>().Value;
        Assert.Equal((2, 7, 10, false), (options.RegistrationWindow, options.RegistrationFailureLimit, options.ContractRegistrationFailuresPerDay, options.RequireBinding));
    }

    [Fact]
    public void Registration_guards_outside_their_ranges_fail_at_start_up()
    {
        using var provider = Build(tokens: o =>
        {
            o.RegistrationWindow = 11;
            o.RegistrationFailureLimit = 0;
            o.ContractRegistrationFailuresPerDay = 1001;
        });
        var ex = Assert.Throws<OptionsValidationException>(() => StartUp(provider));
        Assert.Contains("RegistrationWindow", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RegistrationFailureLimit", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ContractRegistrationFailuresPerDay", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_secret_protector_fails_at_start_up()
    {
        // Hosts that validate the container on build fail there, naming the missing service …
        var onBuild = Assert.Throws<AggregateException>(() => Build(protector: false));
        Assert.Contains("ISecretProtector", onBuild.Message, StringComparison.Ordinal);

        // … and the others at start-up, with advice on what to register.
        // (both option validators report it, so the start-up validator aggregates them).
        using var provider = Build(protector: false, validateOnBuild: false);
        var ex = Assert.Throws<AggregateException>(() => StartUp(provider));
        Assert.All(ex.InnerExceptions, e => Assert.Contains("An ISecretProtector must be registered", e.Message, StringComparison.Ordinal));
    }
}
