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
}
