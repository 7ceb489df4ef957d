using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace BizWeb.Auth;

/// <summary>
/// One configuration tree for the whole SDK: <c>BizWeb</c> holds the core's options, and the other
/// packages' options live in sub-sections of it (<c>BizWeb:CertificateAuthority</c>, <c>BizWeb:Smtp</c>,
/// <c>BizWeb:AspNetCore</c>, <c>BizWeb:CustomerCards</c>, <c>BizWeb:HardwareTokens</c>). The core binds
/// its own keys strictly — an unknown key is an error naming its path — and leaves those sub-sections
/// to the package that owns them.
/// </summary>
internal static class BizWebConfigurationSections
{
    /// <summary>The sub-sections of <c>BizWeb</c> that other BizWeb packages bind.</summary>
    public static readonly IReadOnlyList<string> OwnedByPackages = ["CertificateAuthority", "Smtp", "AspNetCore", "CustomerCards", "HardwareTokens"];

    /// <summary>Binds <paramref name="configuration"/> onto <paramref name="options"/>, refusing unknown keys by their full path.</summary>
    public static void BindCore(IConfiguration configuration, BizWebOptions options)
    {
        try
        {
            new WithoutPackageSections(configuration).Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"Configuration section '{PathOf(configuration)}': {ex.Message}", ex);
        }
    }

    /// <summary>The full path of a section (<c>BizWeb</c>), or <c>(root)</c> for a whole configuration.</summary>
    public static string PathOf(IConfiguration configuration) =>
        configuration is IConfigurationSection { Path: { Length: > 0 } path } ? path : "(root)";

    /// <summary>The section as the core's binder sees it: the packages' sub-sections left out.</summary>
    private sealed class WithoutPackageSections(IConfiguration inner) : IConfiguration
    {
        public string? this[string key]
        {
            get => inner[key];
            set => inner[key] = value;
        }

        public IEnumerable<IConfigurationSection> GetChildren() =>
            inner.GetChildren().Where(child => !OwnedByPackages.Contains(child.Key, StringComparer.OrdinalIgnoreCase));

        public IChangeToken GetReloadToken() => inner.GetReloadToken();

        public IConfigurationSection GetSection(string key) => inner.GetSection(key);
    }
}
