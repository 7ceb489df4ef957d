using BizWeb.AspNetCore;
using BizWeb.Certificates;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.User.Certificate;

/// <summary>利用者6-4 / 6-5 しんきん電子証明書認証局: the user's PKCS#10 request, issued with the enrollment ticket.</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)] // each post is judged by the CA: the same per-address limit as the PIN and OTP forms
public sealed class RequestModel(CertificateAuthority authority) : CertificateRequestPageModel(authority);
