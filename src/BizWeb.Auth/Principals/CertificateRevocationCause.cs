namespace BizWeb.Auth;

/// <summary>Why the auth flows ask the certificate authority to revoke a principal's current certificate.</summary>
public enum CertificateRevocationCause
{
    /// <summary>利用者情報登録抹消: the user was deleted.</summary>
    PrincipalDeleted = 0,

    /// <summary>事故登録 with <see cref="BizWebOptions.RevokeCertificatesOnAccident"/> set.</summary>
    AccidentRegistered = 1,

    /// <summary>The administrator switched 電子証明書発行 off for the user.</summary>
    CertificateWithdrawn = 2,
}
