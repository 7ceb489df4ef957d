using System.Security.Cryptography.X509Certificates;

namespace BizWeb.Auth;

/// <summary>
/// Maps the TLS client certificate the host received (証明書選択) to a principal, implemented by
/// <c>BizWeb.Certificates</c>. Refuses certificates that are expired, revoked, not issued by the
/// bank's CA, or not the one currently registered to that administrator or user (SPEC.md §7).
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
    /// Whether <paramref name="certificate"/>, which authenticated <paramref name="principal"/> at
    /// sign-in, is still that principal's current certificate, unrevoked and within its validity:
    /// <see cref="SessionValidation"/> asks on every request, so a revoked or superseded certificate
    /// ends the sessions it began. Cheaper than <see cref="AuthenticateAsync"/>: the session already
    /// proved the certificate is the one signed in with.
    /// </summary>
    /// <param name="principal">Who signed in with it.</param>
    /// <param name="certificate">The certificate of the request's TLS connection.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="false"/> when the session must end.</returns>
    ValueTask<bool> IsCurrentAsync(PrincipalId principal, X509Certificate2 certificate, DateTimeOffset now, CancellationToken cancellationToken);
}
