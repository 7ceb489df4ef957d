namespace BizWeb.Certificates;

/// <summary>Where an issued certificate is (<see cref="IssuedCertificate.State"/>). <see cref="CertificateLifecycle"/> holds the transitions.</summary>
/// <remarks>Expiry is no state: it follows from <see cref="IssuedCertificate.NotAfter"/> and the clock.</remarks>
public enum CertificateState
{
    /// <summary>Issued and not revoked: its principal's current certificate.</summary>
    Current = 0,

    /// <summary>Revoked because a newer certificate of the same principal was issued (<see cref="CertificateRevocationReason.Superseded"/>); final.</summary>
    Superseded = 1,

    /// <summary>Revoked for any other reason (the bank, an accident, deletion, withdrawal); final.</summary>
    Revoked = 2,
}
