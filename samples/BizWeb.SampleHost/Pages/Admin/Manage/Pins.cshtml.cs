using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.Admin.Manage;

/// <summary>ご契約先認証情報変更: ご契約先暗証番号変更 (③), ご契約先確認暗証番号変更 (④), ご契約先Eメールアドレス変更 (with ④).</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class PinsModel(CredentialChanges changes) : PinChangesPageModel(changes);
