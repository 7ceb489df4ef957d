using BizWeb.AspNetCore;
using BizWeb.Auth;
using BizWeb.SampleHost.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace BizWeb.SampleHost.Pages.User.Manage;

/// <summary>利用者情報変更: 利用者暗証番号変更 (⑤), 確認暗証番号変更 (⑥), 利用者Eメールアドレス変更 (with ⑥).</summary>
[EnableRateLimiting(BizWebRateLimiting.CredentialPolicy)]
public sealed class PinsModel(CredentialChanges changes) : PinChangesPageModel(changes);
