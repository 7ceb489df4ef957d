using BizWeb.Certificates;

namespace BizWeb.SampleHost.Pages.Admin.Certificate;

/// <summary>The administrator's PKCS#10 request, issued with the enrollment ticket.</summary>
public sealed class RequestModel(CertificateAuthority authority) : CertificateRequestPageModel(authority);
