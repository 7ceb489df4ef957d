using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;
using BizWeb.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BizWeb.Certificates.Tests;

public sealed class DependencyInjectionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bizweb-ca-").FullName;

    public void Dispose() => Directory.Delete(_directory, true);

    private ServiceProvider Build(Action<CertificateAuthorityOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddBizWeb(o => o.PinHashing = TestPinHashing.CheapArgon2id()).AddCertificateAuthority(configure);
        return services.BuildServiceProvider();
    }

    private void Files(CertificateAuthorityOptions o, string password = "correct horse battery staple")
    {
        o.CertificatePath = Path.Combine(_directory, "ca.pem");
        o.PrivateKeyPath = Path.Combine(_directory, "ca.key");
        o.PrivateKeyPassword = password;
        o.CrlDistributionPoint = new Uri("https://bank.example/crl");
    }

    [Fact]
    public void Options_are_validated_at_start_up_with_every_problem()
    {
        using var provider = Build(o => o.Validity = TimeSpan.FromDays(2000));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CertificateAuthorityOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("CertificatePath", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("PrivateKeyPassword", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Validity", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("CrlDistributionPoint", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CrlDistributionPoint"] = "https://bank.example/crl",
            ["KeyAlgorithm"] = "EcdsaP384",
            ["Validity"] = "180.00:00:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ICertificateAuthorityKeyProvider>(TestKeyProvider.Default);
        services.AddBizWeb().AddCertificateAuthority(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<CertificateAuthorityOptions>>().Value;

        Assert.Equal((CertificateKeyAlgorithm.EcdsaP384, TimeSpan.FromDays(180)), (options.KeyAlgorithm, options.Validity));
    }

    [Fact]
    public async Task The_file_key_provider_creates_a_root_CA_once_and_loads_it_back()
    {
        X509Certificate2 created;
        using (var provider = Build(o => { Files(o); o.CreateIfMissing = true; o.KeyAlgorithm = CertificateKeyAlgorithm.EcdsaP256; }))
        {
            using var scope = provider.CreateScope();
            created = await scope.ServiceProvider.GetRequiredService<CertificateAuthority>().GetAuthorityCertificateAsync();
        }

        var keyText = await File.ReadAllTextAsync(Path.Combine(_directory, "ca.key"));
        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", keyText, StringComparison.Ordinal);
        Assert.Equal("CN=しんきん電子証明書認証局, C=JP", created.Subject);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, "ca.key")));
        }

        using (var provider = Build(o => Files(o)))
        {
            using var scope = provider.CreateScope();
            using var loaded = await scope.ServiceProvider.GetRequiredService<CertificateAuthority>().GetAuthorityCertificateAsync();
            Assert.Equal(created.RawData, loaded.RawData);
        }

        created.Dispose();
    }

    [Fact]
    public async Task Creating_the_CA_makes_its_missing_folder_owner_only()
    {
        var folder = Path.Combine(_directory, "bizweb", "ca");
        using (var provider = Build(o =>
        {
            Files(o);
            (o.CertificatePath, o.PrivateKeyPath, o.CreateIfMissing) = (Path.Combine(folder, "ca.pem"), Path.Combine(folder, "ca-key.pem"), true);
        }))
        {
            using var scope = provider.CreateScope();
            (await scope.ServiceProvider.GetRequiredService<CertificateAuthority>().GetAuthorityCertificateAsync()).Dispose();
        }

        Assert.True(File.Exists(Path.Combine(folder, "ca-key.pem")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        }
    }

    [Fact]
    public async Task A_wrong_password_fails_without_echoing_it()
    {
        using (var provider = Build(o => { Files(o); o.CreateIfMissing = true; }))
        {
            using var scope = provider.CreateScope();
            (await scope.ServiceProvider.GetRequiredService<CertificateAuthority>().GetAuthorityCertificateAsync()).Dispose();
        }

        using var wrong = Build(o => Files(o, "Tr0ub4dor&3-secret"));
        using var wrongScope = wrong.CreateScope();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await wrongScope.ServiceProvider.GetRequiredService<CertificateAuthority>().GetAuthorityCertificateAsync());

        Assert.DoesNotContain("Tr0ub4dor", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("could not be decrypted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_authenticator_seam_is_registered()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ICertificateAuthorityKeyProvider>(TestKeyProvider.Default);
        services.AddBizWeb().AddCertificateAuthority(o => o.CrlDistributionPoint = new Uri("http://crl.example/ca.crl"));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using var scope = provider.CreateScope();

        Assert.IsType<ClientCertificateAuthenticator>(scope.ServiceProvider.GetRequiredService<IClientCertificateAuthenticator>());
        Assert.Same(provider.GetRequiredService<ICertificateStore>(), provider.GetRequiredService<ICertificateRevocationListStore>());
    }
}
