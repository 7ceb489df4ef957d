using System.Security.Cryptography.X509Certificates;

namespace BizWeb.Auth;

/// <summary>
/// Maps the TLS client certificate the host received (証明書選択) to a principal, implemented by
/// <c>BizWeb.Certificates</c>. Refuses certificates that are expired, revoked, not issued by the
/// bank's CA, or not the one currently registered to that administrator or user (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §7).
/// </summary>
public interface IClientCertificateAuthenticator
{
    /// <summary>The principal <paramref name="certificate"/> authenticates, or <see langword="null"/> when refused.</summary>
    /// <param name="certificate">The client certificate.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The principal.</returns>
    ValueTask<PrincipalId?> AuthenticateAsync(X509Certificate2 certificate, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="AuthenticateAsync"/>, answering the principal's contract and user as read with
    /// <paramref name="principals"/> (the sign-in flows' reader), so the flow decides on the rows the
    /// certificate was judged with. <see langword="null"/> when refused, or when the principal does not
    /// exist or was deleted. By default <see cref="AuthenticateAsync"/>, then one read; BizWeb.Certificates
    /// reads the principal once, while judging.
    /// </summary>
    /// <param name="certificate">The client certificate.</param>
    /// <param name="principals">Reads the principal.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The principal as read.</returns>
    async ValueTask<PrincipalRecord?> AuthenticatePrincipalAsync(X509Certificate2 certificate, IPrincipalReader principals, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principals);
        return await AuthenticateAsync(certificate, now, cancellationToken).ConfigureAwait(false) is { } principal
            && await principals.FindAsync(principal, cancellationToken).ConfigureAwait(false) is { } record
            && record.User is not { State: UserState.Deleted }
            ? record
            : null;
    }

    /// <summary>
    /// Whether the certificate with SHA-256 thumbprint <paramref name="certificateThumbprint"/>, which
    /// authenticated <paramref name="principal"/> at sign-in, is still that principal's current
    /// certificate, unrevoked and within its validity: <see cref="SessionValidation"/> and every
    /// privileged verb ask, so a revoked or superseded certificate ends the sessions it began at once.
    /// Cheaper than <see cref="AuthenticateAsync"/>: the sign-in already judged the certificate.
    /// </summary>
    /// <param name="principal">Who signed in with it.</param>
    /// <param name="certificateThumbprint">Its SHA-256 thumbprint (upper-case hex, <see cref="SignedInPrincipal.CertificateThumbprint"/>).</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="false"/> when the session must end.</returns>
    ValueTask<bool> IsCurrentAsync(PrincipalId principal, string certificateThumbprint, DateTimeOffset now, CancellationToken cancellationToken);
}
