using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace BizWeb.AspNetCore;

/// <summary>Makes the per-service policies (<see cref="BizWebPolicies.Service"/>) on demand; every other name as configured.</summary>
internal sealed class BizWebAuthorizationPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(BizWebPolicies.ServicePrefix, StringComparison.Ordinal) && policyName.Length > BizWebPolicies.ServicePrefix.Length)
        {
            return new AuthorizationPolicyBuilder(BizWebAuthenticationDefaults.Scheme)
                .RequireRole(BizWebAuthenticationDefaults.UserRole)
                .AddRequirements(new ServiceGrantRequirement(policyName[BizWebPolicies.ServicePrefix.Length..]))
                .Build();
        }

        return await base.GetPolicyAsync(policyName).ConfigureAwait(false);
    }
}
