using BizWeb.Auth;
using Microsoft.Extensions.Options;

namespace BizWeb.Tokens;

/// <summary>The <see cref="IHardwareTokenVerifier"/> of this package: RFC 6238 TOTP with drift, or RFC 4226 HOTP with a look-ahead, and replay protection.</summary>
internal sealed class HardwareTokenVerifier : IHardwareTokenVerifier
{
    private readonly HardwareTokenCodes _codes;
    private readonly HardwareTokenOptions _options;

    public HardwareTokenVerifier(HardwareTokenCodes codes, IOptions<HardwareTokenOptions> options)
    {
        _codes = codes;
        _options = options.Value;
    }

    public ValueTask<SecondFactorVerification> VerifyAsync(SecondFactorContext context, string code, CancellationToken cancellationToken) =>
        _codes.VerifyAsync(context.Principal, code, context.Now, _options, cancellationToken);
}
