namespace BizWeb.Auth;

/// <summary>The multi-step flows that hold a <see cref="FlowTicket"/> between their steps.</summary>
public enum FlowPurpose
{
    /// <summary>管理者開通確認 (管理者1-1 … 1-5), also the re-activation after a bank unlock.</summary>
    AdminActivation = 1,

    /// <summary>Admin sign-in (管理者3-1 … 3-4): PIN ③ done, card ② pending.</summary>
    AdminSignIn = 2,

    /// <summary>利用者開通確認 (利用者7-1 … 7-5).</summary>
    UserActivation = 3,

    /// <summary>Certificate acquisition of the administrator (管理者2-1 … 2-4).</summary>
    AdminCertificateEnrollment = 4,

    /// <summary>Certificate acquisition of a user (利用者6-1 … 6-6).</summary>
    UserCertificateEnrollment = 5,

    /// <summary>A single-use ticket the certificate authority redeems to issue a certificate.</summary>
    EnrollmentTicket = 6,
}
