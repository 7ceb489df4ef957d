using BizWeb.Testing;
using BizWeb.Testing.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BizWeb.Auth.Tests.DependencyInjection;

public sealed class AddBizWebTests
{
    private static ServiceProvider Build(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        services.AddMissingSeams();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>What a host does at start-up for options registered with ValidateOnStart.</summary>
    private static void StartUp(IServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    [Fact]
    public void Defaults_come_from_SPEC_md()
    {
        using var provider = Build(s => s.AddBizWeb());
        StartUp(provider);

        var options = provider.GetRequiredService<IOptions<BizWebOptions>>().Value;
        Assert.Equal("1286", options.BankCode);
        Assert.Equal("Asia/Tokyo", options.TimeZoneId);
        Assert.Same(PinPolicy.Standard, provider.GetRequiredService<PinPolicy>());
        Assert.IsType<PhcPinHasher>(provider.GetRequiredService<IPinHasher>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void A_TimeProvider_registered_by_the_host_is_kept()
    {
        var fake = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var provider = Build(s => s.AddSingleton<TimeProvider>(fake).AddBizWeb());

        Assert.Same(fake, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void Options_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BizWeb:BankCode"] = "0001",
            ["BizWeb:PinPolicy:System"] = "Custom",
            ["BizWeb:PinPolicy:MinLength"] = "8",
            ["BizWeb:PinPolicy:MaxLength"] = "10",
            ["BizWeb:PinPolicy:Composition"] = "DigitsOnly",
            ["BizWeb:PinHashing:Algorithm"] = "Pbkdf2Sha256",
            ["BizWeb:PinHashing:Pbkdf2Iterations"] = "1000",
        }).Build();

        using var provider = Build(s => s.AddBizWeb(configuration.GetSection("BizWeb")));
        StartUp(provider);

        var policy = provider.GetRequiredService<PinPolicy>();
        Assert.Equal((8, 10, PinComposition.DigitsOnly), (policy.MinLength, policy.MaxLength, policy.Composition));
        Assert.StartsWith("$pbkdf2-sha256$i=1000$", provider.GetRequiredService<IPinHasher>().HashPin("12345678"), StringComparison.Ordinal);
        Assert.Equal("0001", provider.GetRequiredService<IOptions<BizWebOptions>>().Value.BankCode);
    }

    [Fact]
    public void Code_configuration_applies_after_binding()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PinPolicy:System"] = "Standard",
        }).Build();

        using var provider = Build(s => s.AddBizWeb(configuration, o => o.PinPolicy.System = PinSystem.LegacyInitial));

        Assert.Same(PinPolicy.LegacyInitial, provider.GetRequiredService<PinPolicy>());
    }

    [Fact]
    public void Invalid_options_fail_at_start_up_with_every_problem()
    {
        using var provider = Build(s => s.AddBizWeb(o =>
        {
            o.BankCode = "１２８６";
            o.TimeZoneId = "Mars/Olympus_Mons";
            o.PinPolicy = new PinPolicyOptions { System = PinSystem.Custom, MinLength = 3, MaxLength = 13, Composition = PinComposition.LettersOrDigits };
            o.PinHashing = new PinHashingOptions { Argon2Iterations = 0 };
        }));

        var ex = Assert.Throws<OptionsValidationException>(() => StartUp(provider));

        Assert.Equal(5, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.Contains("BankCode", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("TimeZoneId", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("MinLength must be at least 4", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("MaxLength must be at most 12", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Argon2Iterations", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(PinSystem.Custom, null, 12, PinComposition.LettersAndDigits, "needs MinLength, MaxLength and Composition")]
    [InlineData(PinSystem.Standard, 8, null, null, "apply only when")]
    [InlineData(PinSystem.Custom, 10, 8, PinComposition.LettersAndDigits, "must not be below MinLength")]
    [InlineData((PinSystem)9, null, null, null, "must be Standard, LegacyInitial or Custom")]
    public void Inconsistent_pin_system_options_are_refused(PinSystem system, int? min, int? max, PinComposition? composition, string problem)
    {
        using var provider = Build(s => s.AddBizWeb(o => o.PinPolicy = new PinPolicyOptions
        {
            System = system,
            MinLength = min,
            MaxLength = max,
            Composition = composition,
        }));

        var ex = Assert.Throws<OptionsValidationException>(() => StartUp(provider));
        Assert.Contains(ex.Failures, f => f.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_configuration_keys_are_an_error_not_silently_ignored()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PinPolcy:System"] = "LegacyInitial", // misspelt
        }).Build();

        using var provider = Build(s => s.AddBizWeb(configuration));

        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<BizWebOptions>>().Value);
    }

    [Fact]
    public void The_builder_exposes_the_service_collection_for_the_other_packages()
    {
        var services = new ServiceCollection();

        var builder = services.AddBizWeb();

        Assert.Same(services, builder.Services);
    }

    [Fact]
    public void Cheap_test_hashing_parameters_are_accepted_by_validation()
    {
        using var provider = Build(s => s.AddBizWeb(o => o.PinHashing = TestPinHashing.CheapArgon2id()));
        StartUp(provider);

        Assert.StartsWith("$argon2id$v=19$m=64,t=1,p=1$", provider.GetRequiredService<IPinHasher>().HashPin("abc123"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_service_catalogue_and_fee_master_bind_from_configuration_and_replace_the_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BizWeb:Transactions:Services:0:Id"] = "Transfers",
            ["BizWeb:Transactions:Services:0:NameJa"] = "振込・振替",
            ["BizWeb:Transactions:Services:0:NameEn"] = "Transfers",
            ["BizWeb:Transactions:Services:1:Id"] = "Payroll",
            ["BizWeb:Transactions:Services:1:NameJa"] = "給与振込",
            ["BizWeb:Transactions:Services:1:NameEn"] = "Payroll",
            ["BizWeb:Transactions:BankFees:0:UpTo"] = "9223372036854775807",
            ["BizWeb:Transactions:BankFees:0:SameBranch"] = "0",
            ["BizWeb:Transactions:BankFees:0:SameBank"] = "110",
            ["BizWeb:Transactions:BankFees:0:OtherBank"] = "440",
            ["BizWeb:Transactions:MaxDaysAhead"] = "60",
        }).Build();
        using var provider = Build(s => s.AddBizWeb(configuration.GetSection("BizWeb")));
        StartUp(provider);

        var transactions = provider.GetRequiredService<IOptions<BizWebOptions>>().Value.Transactions;
        Assert.Equal(["Transfers", "Payroll"], transactions.Catalogue.Select(c => c.Id));
        Assert.Equal(new FeeBand(long.MaxValue, 0, 110, 440), Assert.Single(transactions.BankFeeSchedule.Bands));
        Assert.Equal(60, transactions.MaxDaysAhead);
    }

    [Fact]
    public void A_catalogue_without_transfers_or_a_falling_fee_master_stops_the_host()
    {
        using var provider = Build(s => s.AddBizWeb(o =>
        {
            o.Transactions.Services = [new BankService("BalanceInquiry", "残高照会", "Balance inquiry")];
            o.Transactions.BankFees = [new FeeBand(10_000, 0, 220, 440), new FeeBand(long.MaxValue, 0, 110, 440)];
            o.Transactions.MaxDaysAhead = 400;
        }));
        var ex = Assert.Throws<OptionsValidationException>(() => StartUp(provider));
        Assert.Contains(ex.Failures, f => f.Contains("BizWeb:Transactions:Services", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("BizWeb:Transactions:BankFees", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("BizWeb:Transactions:MaxDaysAhead", StringComparison.Ordinal));
    }

    [Fact]
    public void The_transaction_flows_and_stores_are_registered()
    {
        using var provider = Build(s => s.AddBizWeb());
        using var scope = provider.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<Transfers>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<OptionalSettings>());
        Assert.Same(provider.GetRequiredService<InMemoryAuthStore>(), provider.GetRequiredService<ITransferTotalStore>());
        Assert.Same(provider.GetRequiredService<InMemoryAuthStore>(), provider.GetRequiredService<ITransferStore>());
        Assert.Same(provider.GetRequiredService<InMemoryAuthStore>(), provider.GetRequiredService<IContractSettingsStore>());
    }

    [Fact]
    public void A_host_missing_seams_fails_at_start_up_naming_each_and_what_registers_it()
    {
        var services = new ServiceCollection();
        services.AddBizWeb();
        services.AddSingleton<ICustomerCardVerifier, TestCustomerCard>();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var ex = Assert.Throws<OptionsValidationException>(() => StartUp(provider));

        string[] expected =
        [
            "No IClientCertificateAuthenticator is registered: register it with AddCertificateAuthority()",
            "No IHardwareTokenVerifier is registered: register it with AddHardwareTokens()",
            "No ITransferConfirmationVerifier is registered: register it with AddHardwareTokens()",
            "No ITransferExecutor is registered: register it with the bank's core-system executor",
            "No INotificationSender is registered: register it with AddSmtpNotifications()",
            "No IBankOperatorAuthenticator is registered: register it with the bank's operator authenticator",
        ];
        var failures = ex.Failures.ToList();
        Assert.Equal(expected.Length, failures.Count);
        Assert.All(expected.Zip(failures), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
    }

    [Fact]
    public void Seams_are_checked_at_start_up_only_so_a_container_can_be_built_and_used_without_them()
    {
        var services = new ServiceCollection();
        services.AddBizWeb();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Equal("1286", provider.GetRequiredService<IOptions<BizWebOptions>>().Value.BankCode);
        Assert.NotNull(provider.CreateScope().ServiceProvider.GetRequiredService<AuditTrail>());
    }

    [Fact]
    public void Every_flow_is_activated_by_the_container_through_its_constructor()
    {
        using var provider = Build(s => s.AddBizWeb());
        using var scope = provider.CreateScope();
        Type[] flows =
        [
            typeof(AdminActivation), typeof(AdminSignIn), typeof(AdminAuthorization), typeof(UserAdministration), typeof(CertificateEnrollment),
            typeof(UserActivation), typeof(UserSignIn), typeof(CredentialChanges), typeof(BankOperations), typeof(SessionValidation),
            typeof(BankOperatorAuthentication), typeof(OptionalSettings), typeof(Transfers), typeof(AuditTrail), typeof(SecurityNotifications),
            typeof(CertificateHolders), typeof(NotificationDispatcher),
        ];

        Assert.All(flows, flow => Assert.IsType(flow, scope.ServiceProvider.GetRequiredService(flow)));
        // Each scope gets its own flow; no public constructor lets a host build one past the container.
        Assert.NotSame(scope.ServiceProvider.GetRequiredService<Transfers>(), provider.CreateScope().ServiceProvider.GetRequiredService<Transfers>());
        Assert.All(flows, flow => Assert.Empty(flow.GetConstructors()));
    }

    [Fact]
    public void A_host_declares_the_seams_it_does_not_use_and_starts_without_them()
    {
        var services = new ServiceCollection();
        services.AddBizWeb().WithoutSeam<ITransferExecutor>().WithoutSeam<IBankOperatorAuthenticator>();
        services.AddMissingSeams();
        services.RemoveAll<ITransferExecutor>().RemoveAll<IBankOperatorAuthenticator>();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        StartUp(provider);

        Assert.Throws<ArgumentException>(() => services.AddBizWeb().WithoutSeam<IContractStore>());
    }
}
