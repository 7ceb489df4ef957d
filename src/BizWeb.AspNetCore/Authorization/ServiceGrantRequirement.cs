using BizWeb.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace BizWeb.AspNetCore;

/// <summary>The request's caller is a user granted the service.</summary>
internal sealed class ServiceGrantRequirement(string serviceId) : AuthorizationHandler<ServiceGrantRequirement>, IAuthorizationRequirement
{
    public string ServiceId { get; } = serviceId;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ServiceGrantRequirement requirement)
    {
        if (context.Resource is HttpContext http && http.GetBizWebCaller() is SignedInUser user
            && user.GrantedServices.Contains(requirement.ServiceId, StringComparer.Ordinal))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
