using System.Security.Cryptography.X509Certificates;

namespace BizWeb.Auth;

/// <summary>
/// Turns the sign-in a host keeps in its session into this request's caller, when it is still good
/// (security stamps end live sessions at once; <see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §9: sessions are bound to the client
/// certificate they signed in with). The privileged verbs take only the caller it makes.
/// </summary>
public sealed class SessionValidation
{
    private readonly IPrincipalReader _principals;
    private readonly CallerCheck _callers;

    internal SessionValidation(IPrincipalReader principals, CallerCheck callers)
    {
        _principals = principals;
        _callers = callers;
    }

    /// <summary>
    /// The caller of a request that presented <paramref name="clientCertificate"/> on behalf of
    /// <paramref name="session"/>, when the request presents the very certificate the sign-in was made
    /// with, which is still the principal's current one, unrevoked and valid; the contract is active
    /// and has no accident; the user (for a user) is active, has no accident and is not deleted; and
    /// the security stamp is unchanged since sign-in.
    /// </summary>
    /// <param name="session">The sign-in kept in the host's session.</param>
    /// <param name="clientCertificate">The client certificate of this request's TLS connection (or of a trusted proxy's header); <see langword="null"/> when none was presented.</param>
    /// <param name="clientAddress">The client's address, for the audit records of the caller's verbs.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A <see cref="SignedInAdministrator"/> or <see cref="SignedInUser"/>; <see langword="null"/> when the host must end the session.</returns>
    public async ValueTask<SignedInCaller?> ValidateAsync(SignedInPrincipal session, X509Certificate2? clientCertificate, string? clientAddress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        // The cheap gate first: a request without the session's certificate is refused before any read.
        if (clientCertificate is null || session.Principal.IsDefault || !session.IsBoundTo(clientCertificate))
        {
            return null;
        }

        var caller = SignedInCaller.For(session, clientAddress);
        // One read of contract and user (one query in the EF stores); a missing row ends the session.
        var record = await _principals.FindAsync(session.Principal, cancellationToken).ConfigureAwait(false);
        if (await _callers.RefusalAsync(caller, record?.Contract, record?.User, cancellationToken).ConfigureAwait(false) is not null)
        {
            return null;
        }

        if (caller is SignedInUser user && record?.User is { } loaded)
        {
            user.GrantedServices = loaded.GrantedServices;
        }

        return caller;
    }
}
