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
}
