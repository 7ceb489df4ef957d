using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace BizWeb.AspNetCore;

/// <summary>
/// Makes the per-service policies (<see cref="BizWebPolicies.Service"/>) on demand and asks the
/// provider it wraps for every other name: the host's own provider when it registered one before
/// <c>AddAspNetCore()</c>, otherwise ASP.NET Core's default. A name the wrapped provider does not know
/// is looked up in <see cref="AuthorizationOptions"/>. The administrator and user policies are always
/// BizWeb's (from the options), whatever provider the host brings.
/// </summary>
internal sealed class BizWebAuthorizationPolicyProvider(IAuthorizationPolicyProvider inner, IOptions<AuthorizationOptions> options) : IAuthorizationPolicyProvider
{
    public bool AllowsCachingPolicies => inner.AllowsCachingPolicies;

    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => inner.GetDefaultPolicyAsync();

    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => inner.GetFallbackPolicyAsync();

    public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(BizWebPolicies.ServicePrefix, StringComparison.Ordinal) && policyName.Length > BizWebPolicies.ServicePrefix.Length)
        {
            return Task.FromResult<AuthorizationPolicy?>(new AuthorizationPolicyBuilder(BizWebAuthenticationDefaults.Scheme)
                .RequireRole(BizWebAuthenticationDefaults.UserRole)
                .AddRequirements(new ServiceGrantRequirement(policyName[BizWebPolicies.ServicePrefix.Length..]))
                .Build());
        }

        return FromInnerOrOptionsAsync(policyName);
    }

    // BizWeb's own names come from the options first, so no host provider can redefine them.
    private async Task<AuthorizationPolicy?> FromInnerOrOptionsAsync(string policyName) =>
        policyName is BizWebPolicies.Administrator or BizWebPolicies.User && options.Value.GetPolicy(policyName) is { } own
            ? own
            : await inner.GetPolicyAsync(policyName).ConfigureAwait(false) ?? options.Value.GetPolicy(policyName);
}
