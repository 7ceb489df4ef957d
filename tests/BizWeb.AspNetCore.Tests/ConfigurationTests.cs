using System.Text;
using System.Text.RegularExpressions;
using BizWeb.Auth;
using BizWeb.Certificates;
using BizWeb.Notifications.Smtp;
using BizWeb.Testing;
using BizWeb.Testing.Auth;
using BizWeb.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BizWeb.AspNetCore.Tests;

/// <summary>
/// One configuration tree (issue 17): the README's JSON binds verbatim, each package reads its own
/// sub-section of <c>BizWeb</c>, unknown keys fail naming their section, and the CA key is checked
/// when the host starts.
/// </summary>
public sealed partial class ConfigurationTests
{
    [Fact]
    public void The_READMEs_configuration_binds_verbatim_with_every_package_in_its_section()
    {
        var json = ReadmeJson();
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var directory = Directory.CreateTempSubdirectory("bizweb-ca-").FullName;
        var services = new ServiceCollection().AddLogging();
        services.AddBizWeb(configuration.GetSection("BizWeb"))
            .AddCustomerCards()
            .AddHardwareTokens()
            // The README's files are the bank's; this test's CA lives in a temporary directory.
            .AddCertificateAuthority(o => (o.CertificatePath, o.PrivateKeyPath, o.CreateIfMissing) = (Path.Combine(directory, "ca.pem"), Path.Combine(directory, "ca-key.pem"), true))
            .AddSmtpNotifications()
            .AddAspNetCore();
        using var provider = services.BuildServiceProvider();

        var core = provider.GetRequiredService<IOptions<BizWebOptions>>().Value;
        var ca = provider.GetRequiredService<IOptions<CertificateAuthorityOptions>>().Value;
        var smtp = provider.GetRequiredService<IOptions<SmtpNotificationOptions>>().Value;
        var host = provider.GetRequiredService<IOptions<BizWebAspNetCoreOptions>>().Value;
        var tokens = provider.GetRequiredService<IOptions<HardwareTokenOptions>>().Value;

        Assert.Equal(configuration["BizWeb:BankCode"], core.BankCode);
        Assert.Equal(int.Parse(configuration["BizWeb:PinHashing:MaxConcurrentEvaluations"]!, System.Globalization.CultureInfo.InvariantCulture), core.PinHashing.MaxConcurrentEvaluations);
        Assert.Equal(TimeSpan.Parse(configuration["BizWeb:PinHashing:MaxQueueWait"]!, System.Globalization.CultureInfo.InvariantCulture), core.PinHashing.MaxQueueWait);
        Assert.Equal(configuration["BizWeb:CertificateAuthority:AuthorityName"], ca.AuthorityName);
        Assert.Equal(configuration["BizWeb:Smtp:Host"], smtp.Host);
        Assert.Equal(TimeSpan.Parse(configuration["BizWeb:AspNetCore:IdleTimeout"]!, System.Globalization.CultureInfo.InvariantCulture), host.IdleTimeout);
        Assert.Equal(configuration["BizWeb:AspNetCore:TrustedProxies:0"], Assert.Single(host.TrustedProxies));
        Assert.Equal(int.Parse(configuration["BizWeb:HardwareTokens:VerificationWindow"]!, System.Globalization.CultureInfo.InvariantCulture), tokens.VerificationWindow);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void An_unknown_key_in_the_core_section_is_refused_naming_the_section_and_the_key()
    {
        var configuration = Configuration(("BizWeb:BankCode", "1286"), ("BizWeb:Lockuot:MaxConsecutiveFailures", "7"));
        var services = new ServiceCollection();
        services.AddBizWeb(configuration.GetSection("BizWeb"));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<BizWebOptions>>().Value);

        Assert.Contains("'BizWeb'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Lockuot", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_in_a_package_section_is_refused_by_that_package()
    {
        var configuration = Configuration(("BizWeb:AspNetCore:IdleTimeuot", "00:10:00"));
        var services = new ServiceCollection();
        services.AddBizWeb(configuration.GetSection("BizWeb")).AddAspNetCore();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<BizWebAspNetCoreOptions>>().Value);

        Assert.Contains("IdleTimeuot", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_name_their_configuration_path()
    {
        var configuration = Configuration(("BizWeb:BankCode", "12"), ("BizWeb:AspNetCore:CookieName", "session"), ("BizWeb:PinHashing:Argon2Iterations", "0"));
        var services = new ServiceCollection();
        services.AddBizWeb(configuration.GetSection("BizWeb")).AddAspNetCore();
        using var provider = services.BuildServiceProvider();

        var core = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BizWebOptions>>().Value);
        var host = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BizWebAspNetCoreOptions>>().Value);

        Assert.Contains(core.Failures, f => f.StartsWith("BizWeb:BankCode", StringComparison.Ordinal));
        Assert.Contains(core.Failures, f => f.StartsWith("BizWeb:PinHashing:Argon2Iterations", StringComparison.Ordinal));
        Assert.Contains(host.Failures, f => f.StartsWith("BizWeb:AspNetCore:CookieName", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_CA_key_password_stops_the_start_and_the_message_has_no_password()
    {
        var directory = Directory.CreateTempSubdirectory("bizweb-ca-").FullName;
        try
        {
            CreateAuthority(directory, "the-right-password");
            var services = new ServiceCollection().AddSingleton<TimeProvider>(TimeProvider.System);
            services.AddBizWeb().AddCertificateAuthority(o => Authority(o, directory, "a-wrong-password"));
            services.AddMissingSeams();
            using var provider = services.BuildServiceProvider();

            var failures = StartupFailures(provider);

            var failure = Assert.Single(failures);
            Assert.StartsWith("BizWeb:CertificateAuthority", failure, StringComparison.Ordinal);
            Assert.Contains("could not be decrypted", failure, StringComparison.Ordinal);
            Assert.DoesNotContain("a-wrong-password", failure, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_right_CA_key_password_passes_the_start()
    {
        var directory = Directory.CreateTempSubdirectory("bizweb-ca-").FullName;
        try
        {
            CreateAuthority(directory, "the-right-password");
            var services = new ServiceCollection().AddSingleton<TimeProvider>(TimeProvider.System);
            services.AddBizWeb().AddCertificateAuthority(o => Authority(o, directory, "the-right-password"));
            services.AddMissingSeams();
            using var provider = services.BuildServiceProvider();

            Assert.Empty(StartupFailures(provider));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>What the host's start-up validation reports (every options and seam check at once).</summary>
    private static List<string> StartupFailures(IServiceProvider provider)
    {
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return [.. ex.Failures];
        }
        catch (AggregateException ex)
        {
            return [.. ex.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures)];
        }
    }

    private static void CreateAuthority(string directory, string password)
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(TimeProvider.System);
        services.AddBizWeb().AddCertificateAuthority(o =>
        {
            Authority(o, directory, password);
            o.CreateIfMissing = true;
        });
        using var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<ICertificateAuthorityKeyProvider>().GetSignerAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    private static void Authority(CertificateAuthorityOptions o, string directory, string password)
    {
        o.CertificatePath = Path.Combine(directory, "ca.pem");
        o.PrivateKeyPath = Path.Combine(directory, "ca-key.pem");
        o.PrivateKeyPassword = password;
        o.CrlDistributionPoint = new Uri("https://portal.example.jp/crl/bizweb-ca.crl");
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    /// <summary>The first ```json block under README.md's "## Configuration", exactly as written.</summary>
    private static string ReadmeJson()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md"));
        var section = readme[readme.IndexOf("\n## Configuration", StringComparison.Ordinal)..];
        return JsonBlock().Match(section).Groups[1].Value;
    }

    [GeneratedRegex("```json\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
