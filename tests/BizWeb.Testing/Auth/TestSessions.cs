using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Testing.Auth;

/// <summary>
/// Callers for tests that are not about signing in: the session a host keeps (the principal's current
/// security stamp, bound to <c>certificate</c>) turned into the SDK's caller by the real
/// <see cref="SessionValidation"/>, as a host does on every request. No sign-in is audited or counted.
/// </summary>
public static class TestSessions
{
    /// <summary>The client address of the callers the tests make.</summary>
    public const string ClientAddress = "203.0.113.8";

    /// <summary>
    /// The caller of <paramref name="principal"/> presenting <paramref name="certificate"/> (which the
    /// registered <see cref="IClientCertificateAuthenticator"/> must hold current for it).
    /// </summary>
    public static async Task<T> CallerAsync<T>(IServiceProvider services, PrincipalId principal, X509Certificate2 certificate, string? clientAddress = ClientAddress)
        where T : SignedInCaller
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(certificate);
        var contract = await services.GetRequiredService<IContractStore>().FindAsync(principal.ContractId, default)
            ?? throw new InvalidOperationException($"No contract {principal.ContractId}.");
        var stamp = principal.UserId is { } userId
            ? (await services.GetRequiredService<IUserStore>().FindAsync(principal.ContractId, userId, default))?.SecurityStamp ?? throw new InvalidOperationException($"No user {principal}.")
            : contract.SecurityStamp;
        var session = new SignedInPrincipal(principal, stamp, certificate.SerialNumber, SignedInPrincipal.ThumbprintOf(certificate));
        return await services.GetRequiredService<SessionValidation>().ValidateAsync(session, certificate, clientAddress) as T
            ?? throw new InvalidOperationException($"The session of {principal} is not current (state, accident or certificate).");
    }
}
