namespace BizWeb.Auth;

/// <summary>
/// Revokes a principal's current client certificate when the auth flows delete a user, register an
/// accident (if the bank chooses so) or withdraw the certificate flag; implemented by
/// <c>BizWeb.Certificates</c>. Called after the change committed: sign-in refuses such principals
/// anyway, so revocation keeps the CRL truthful rather than guarding the door.
/// </summary>
public interface ICertificateRevoker
{
    /// <summary>Revokes the current certificate of <paramref name="principal"/>, if any.</summary>
    /// <param name="principal">Whose certificate.</param>
    /// <param name="cause">Why.</param>
    /// <param name="actor">Who caused it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    ValueTask RevokeCurrentAsync(PrincipalId principal, CertificateRevocationCause cause, AuditActor actor, CancellationToken cancellationToken);
}
