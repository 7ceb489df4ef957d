namespace BizWeb.Certificates;

/// <summary>What moves an issued certificate from one <see cref="CertificateState"/> to another.</summary>
public enum CertificateTrigger
{
    /// <summary>The CA issued a newer certificate to the same principal (reissue or renewal).</summary>
    Superseded = 0,

    /// <summary>Revoked with a reason other than <see cref="CertificateRevocationReason.Superseded"/>.</summary>
    Revoked = 1,
}
