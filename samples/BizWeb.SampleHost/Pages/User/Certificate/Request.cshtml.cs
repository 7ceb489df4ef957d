using BizWeb.Certificates;

namespace BizWeb.SampleHost.Pages.User.Certificate;

/// <summary>利用者6-4 / 6-5 しんきん電子証明書認証局: the user's PKCS#10 request, issued with the enrollment ticket.</summary>
public sealed class RequestModel(CertificateAuthority authority) : CertificateRequestPageModel(authority);
