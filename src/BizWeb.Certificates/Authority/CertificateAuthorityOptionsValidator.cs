using Microsoft.Extensions.Options;

namespace BizWeb.Certificates;

/// <summary>Checks <see cref="CertificateAuthorityOptions"/> at start-up and reports every problem at once (never the password).</summary>
internal sealed class CertificateAuthorityOptionsValidator(bool fileKeyProvider) : IValidateOptions<CertificateAuthorityOptions>
{
    public ValidateOptionsResult Validate(string? name, CertificateAuthorityOptions options)
    {
        var problems = options.Validate("BizWeb:CertificateAuthority", fileKeyProvider).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
