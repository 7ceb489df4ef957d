using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;
using BizWeb.Auth;

namespace BizWeb.Testing.Auth;

/// <summary>
/// The host's operator authenticator of the tests: vouches for an operator session that carries the
/// operator claim and was made by the harness's own authentication type, and for nothing else.
/// </summary>
public sealed class TestBankOperators : IBankOperatorAuthenticator
{
    /// <summary>The claim naming the operator.</summary>
    public const string OperatorClaim = "test:operator";

    private const string AuthenticationType = "BizWeb.Testing.Operators";

    /// <summary>A session of <paramref name="operatorId"/> as a host's operator cookie would carry it.</summary>
    public static ClaimsPrincipal Session(string operatorId) =>
        new(new ClaimsIdentity([new Claim(OperatorClaim, operatorId)], AuthenticationType));

    /// <summary>
    /// The SDK's caller for <paramref name="operatorId"/>, made by a BizWeb core of its own (a caller
    /// holds no reference to the services that made it, so any test host's flows accept it).
    /// </summary>
    public static BankOperator Caller(string operatorId, string? clientAddress = null)
    {
        using var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection()
            .AddSingleton<IBankOperatorAuthenticator, TestBankOperators>()
            .AddBizWeb().Services.BuildServiceProvider();
        using var scope = services.CreateScope();
        return Authenticate(scope.ServiceProvider.GetRequiredService<BankOperatorAuthentication>(), operatorId, clientAddress);
    }

    /// <summary>The SDK's caller for <paramref name="operatorId"/>.</summary>
    public static BankOperator Authenticate(BankOperatorAuthentication authentication, string operatorId, string? clientAddress = null)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        return authentication.AuthenticateAsync(Session(operatorId), clientAddress).AsTask().GetAwaiter().GetResult()
            ?? throw new InvalidOperationException($"The test operator {operatorId} was refused.");
    }

    /// <inheritdoc />
    public ValueTask<string?> AuthenticateAsync(ClaimsPrincipal operatorSession, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operatorSession);
        return ValueTask.FromResult(operatorSession.Identity?.AuthenticationType == AuthenticationType ? operatorSession.FindFirst(OperatorClaim)?.Value : null);
    }
}
