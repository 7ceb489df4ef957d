using BizWeb.AspNetCore;
using BizWeb.Certificates;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.Admin.Certificate;

/// <summary>The administrator's PKCS#10 request, issued with the enrollment ticket.</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)] // each post is judged by the CA: the same per-address limit as the PIN and OTP forms
public sealed class RequestModel(CertificateAuthority authority) : CertificateRequestPageModel(authority);
