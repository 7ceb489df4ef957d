namespace BizWeb.Certificates;

/// <summary>Why a certificate was revoked; the values are RFC 5280's CRLReason codes, written into the CRL.</summary>
public enum CertificateRevocationReason
{
    /// <summary>No reason given.</summary>
    Unspecified = 0,

    /// <summary>The private key is (or may be) known to someone else, e.g. a lost or stolen PC (事故).</summary>
    KeyCompromise = 1,

    /// <summary>The holder's affiliation changed (e.g. the user left the company).</summary>
    AffiliationChanged = 3,

    /// <summary>Replaced by a newer certificate of the same principal (reissue or renewal).</summary>
    Superseded = 4,

    /// <summary>No longer needed: the user was deleted or the contract ended.</summary>
    CessationOfOperation = 5,

    /// <summary>The right to a certificate was withdrawn (e.g. the user's record no longer says "issue certificate").</summary>
    PrivilegeWithdrawn = 9,
}
