namespace BizWeb.Certificates;

/// <summary>Why sign-in refused a client certificate: the audit record's detail (the person sees one uniform message).</summary>
internal enum CertificateRefusal
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>Not a readable X.509 certificate.</summary>
    Malformed,

    /// <summary>Not signed by the bank's CA (another CA, a look-alike CA with the same name, or self-signed).</summary>
    ForeignIssuer,

    /// <summary>Before notBefore.</summary>
    NotYetValid,

    /// <summary>After notAfter.</summary>
    Expired,

    /// <summary>A CA certificate, or no clientAuth extended key usage.</summary>
    WrongUsage,

    /// <summary>The CN is not this bank's contract [+ user] name, or there is not exactly one CN.</summary>
    CommonNameInvalid,

    /// <summary>Signed by the CA key, but not in the certificate store (or different bytes under the same serial).</summary>
    UnknownCertificate,

    /// <summary>Revoked by the bank.</summary>
    Revoked,

    /// <summary>Superseded by a newer certificate of the same principal (reissue or renewal).</summary>
    NotCurrent,

    /// <summary>The contract or user does not exist (or the user was deleted).</summary>
    PrincipalUnknown,
}
