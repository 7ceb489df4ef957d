namespace BizWeb.Certificates;

/// <summary>The answer of <see cref="ICertificateStore.RevokeAsync"/>.</summary>
public enum CertificateRevocationOutcome
{
    /// <summary>Revoked now (and no longer anyone's current certificate).</summary>
    Revoked = 0,

    /// <summary>No certificate has this serial number.</summary>
    NotFound = 1,

    /// <summary>It was revoked before; nothing changed.</summary>
    AlreadyRevoked = 2,
}
