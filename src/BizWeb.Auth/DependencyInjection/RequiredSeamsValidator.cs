using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BizWeb.Auth;

/// <summary>Fails the host's start when a <see cref="RequiredSeams"/> service is not registered, naming every missing one and what registers it.</summary>
internal sealed class RequiredSeamsValidator(IServiceProviderIsService services) : IValidateOptions<RequiredSeams>
{
    public ValidateOptionsResult Validate(string? name, RequiredSeams options)
    {
        var missing = RequiredSeams.All
            .Where(seam => !options.NotUsed.Contains(seam.Service) && !services.IsService(seam.Service))
            .Select(seam => RequiredSeams.Missing(seam.Service))
            .ToList();
        return missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(missing);
    }
}
