using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Auth;

/// <summary>
/// Returned by <c>services.AddBizWeb(…)</c>; the token, certificate and storage packages add
/// their own <c>Add…</c> extension methods to it.
/// </summary>
public sealed class BizWebBuilder
{
    internal BizWebBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection the SDK registers into.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// The configuration section given to <c>AddBizWeb(configuration)</c> (the SDK's tree, e.g. <c>BizWeb</c>),
    /// from which the other packages bind their sub-sections; <see langword="null"/> when the SDK is configured in code.
    /// </summary>
    public IConfiguration? Configuration { get; internal set; }

    /// <summary>The sub-section <paramref name="name"/> of <see cref="Configuration"/>, when it exists.</summary>
    /// <param name="name">The package's section, e.g. <c>CertificateAuthority</c>.</param>
    /// <returns>The section, or <see langword="null"/> when there is no configuration or no such section.</returns>
    public IConfigurationSection? PackageSection(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Configuration?.GetSection(name) is { } section && section.Exists() ? section : null;
    }

    /// <summary>
    /// Declares that this host calls no flow that needs <typeparamref name="TSeam"/> — for example the
    /// bank's operations console as a host of its own, without a customer's transfers or sign-ins — so
    /// that its absence does not stop the start. A flow that needs it anyway fails when called.
    /// </summary>
    /// <typeparam name="TSeam">One of the seams checked at start-up (see <c>AddBizWeb</c>).</typeparam>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TSeam"/> is not a seam checked at start-up.</exception>
    public BizWebBuilder WithoutSeam<TSeam>()
        where TSeam : class
    {
        if (!RequiredSeams.All.Any(seam => seam.Service == typeof(TSeam)))
        {
            throw new ArgumentException($"{typeof(TSeam).Name} is not a seam checked at start-up.", nameof(TSeam));
        }

        Services.Configure<RequiredSeams>(seams => seams.NotUsed.Add(typeof(TSeam)));
        return this;
    }
}
