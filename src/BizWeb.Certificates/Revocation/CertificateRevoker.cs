using BizWeb.Auth;

namespace BizWeb.Certificates;

/// <summary>
/// The auth flows' <see cref="ICertificateRevoker"/>: revokes the principal's current certificate
/// with the RFC 5280 reason that fits the cause; a principal without a certificate is no error.
/// </summary>
internal sealed class CertificateRevoker(CertificateAuthority authority) : ICertificateRevoker
{
    public async ValueTask RevokeCurrentAsync(PrincipalId principal, CertificateRevocationCause cause, AuditActor actor, CancellationToken cancellationToken)
    {
        var reason = cause switch
        {
            CertificateRevocationCause.PrincipalDeleted => CertificateRevocationReason.CessationOfOperation,
            CertificateRevocationCause.AccidentRegistered => CertificateRevocationReason.KeyCompromise,
            CertificateRevocationCause.CertificateWithdrawn => CertificateRevocationReason.PrivilegeWithdrawn,
            _ => CertificateRevocationReason.Unspecified,
        };
        if (await authority.FindCurrentAsync(principal, cancellationToken).ConfigureAwait(false) is not null)
        {
            await authority.RevokeCurrentAsync(principal, reason, actor, cancellationToken).ConfigureAwait(false);
        }
    }
}
