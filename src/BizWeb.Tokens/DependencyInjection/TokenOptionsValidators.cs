using BizWeb.Auth;
using Microsoft.Extensions.Options;

namespace BizWeb.Tokens;

/// <summary>Checks <see cref="CustomerCardOptions"/> at start-up, and that an <see cref="ISecretProtector"/> is registered.</summary>
internal sealed class CustomerCardOptionsValidator(IServiceProvider services) : IValidateOptions<CustomerCardOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomerCardOptions options) =>
        TokenOptionsValidation.Result([.. options.Validate("BizWeb:CustomerCards"), .. TokenOptionsValidation.Protector(services)]);
}

/// <summary>Checks <see cref="HardwareTokenOptions"/> at start-up, and that an <see cref="ISecretProtector"/> is registered.</summary>
internal sealed class HardwareTokenOptionsValidator(IServiceProvider services) : IValidateOptions<HardwareTokenOptions>
{
    public ValidateOptionsResult Validate(string? name, HardwareTokenOptions options) =>
        TokenOptionsValidation.Result([.. options.Validate("BizWeb:HardwareTokens"), .. TokenOptionsValidation.Protector(services)]);
}

/// <summary>Shared by the validators.</summary>
internal static class TokenOptionsValidation
{
    public static IEnumerable<string> Protector(IServiceProvider services)
    {
        if (services.GetService(typeof(ISecretProtector)) is null)
        {
            yield return "An ISecretProtector must be registered to encrypt card values and token seeds at rest "
                + "(e.g. services.AddSingleton<ISecretProtector>(new AesGcmSecretProtector(keys, currentKeyId)) with keys from the bank's key store, or a Data Protection adapter).";
        }
    }

    public static ValidateOptionsResult Result(IReadOnlyList<string> problems) =>
        problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
}
