using System.Security.Cryptography.X509Certificates;

namespace BizWeb.Auth;

/// <summary>
/// Checks per request that a sign-in is still good (DESIGN.md: security stamps end live sessions at
/// once; SPEC.md §9: sessions are bound to the client certificate they signed in with).
/// </summary>
public sealed class SessionValidation
{
    private readonly AuthCore _core;
    private readonly IClientCertificateAuthenticator? _certificates;

    internal SessionValidation(AuthCore core, IClientCertificateAuthenticator? certificates)
    {
        _core = core;
        _certificates = certificates;
    }

    /// <summary>
    /// Whether <paramref name="signedIn"/> may still act on a request that presented
    /// <paramref name="clientCertificate"/>: the request presents the very certificate the sign-in was
    /// made with, which is still the principal's current one, unrevoked and valid; the contract is
    /// active and has no accident; the user (for a user) is active, has no accident and is not
    /// deleted; and the security stamp is unchanged since sign-in.
    /// </summary>
    /// <param name="signedIn">The sign-in kept in the host's session.</param>
    /// <param name="clientCertificate">The client certificate of this request's TLS connection (or of a trusted proxy's header); <see langword="null"/> when none was presented.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="false"/> when the host must end the session.</returns>
    public async ValueTask<bool> IsCurrentAsync(SignedInPrincipal signedIn, X509Certificate2? clientCertificate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signedIn);
        // The cheap gate first: a request without the session's certificate is refused before any read.
        if (clientCertificate is null || !signedIn.IsBoundTo(clientCertificate))
        {
            return false;
        }

        var contract = await _core.Contracts.FindAsync(signedIn.Principal.ContractId, cancellationToken).ConfigureAwait(false);
        if (contract is null || contract.State != ContractState.Active || contract.AccidentRegistered)
        {
            return false;
        }

        if (signedIn.Principal.UserId is not { } userId)
        {
            if (!PinRules.FixedTimeEquals(contract.SecurityStamp, signedIn.SecurityStamp))
            {
                return false;
            }
        }
        else
        {
            var user = await _core.Users.FindAsync(contract.Id, userId, cancellationToken).ConfigureAwait(false);
            if (user is not { State: UserState.Active, AccidentRegistered: false } || !PinRules.FixedTimeEquals(user.SecurityStamp, signedIn.SecurityStamp))
            {
                return false;
            }
        }

        var certificates = _certificates ?? throw new InvalidOperationException("No IClientCertificateAuthenticator is registered: call AddCertificateAuthority() on the BizWeb builder.");
        return await certificates.IsCurrentAsync(signedIn.Principal, clientCertificate, _core.Now, cancellationToken).ConfigureAwait(false);
    }
}
