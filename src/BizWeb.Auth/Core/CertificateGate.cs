using System.Security.Cryptography.X509Certificates;

namespace BizWeb.Auth;

/// <summary>証明書選択: the client certificate must map to a principal of the expected kind.</summary>
internal static class CertificateGate
{
    /// <summary>
    /// The principal of <paramref name="certificate"/>, with its contract and user as the authenticator
    /// read them, when it is of the expected kind; otherwise audited and null.
    /// </summary>
    public static async ValueTask<PrincipalRecord?> AuthenticateAsync(AuthCore core, X509Certificate2? certificate, bool administrator, AuditActor actor, string action, CancellationToken cancellationToken)
    {
        var gate = core.RequiredCertificates;
        var record = certificate is null ? null : await gate.AuthenticatePrincipalAsync(certificate, core.Principals, core.Now, cancellationToken).ConfigureAwait(false);
        if (record is not null && record.Principal.IsAdministrator == administrator)
        {
            return record;
        }

        await core.AppendAuditAsync(core.Audit(actor, action, null, AuditOutcome.Refused, MessageCode.CertificateNotAccepted), cancellationToken).ConfigureAwait(false);
        return null;
    }
}
