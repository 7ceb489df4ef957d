using BizWeb.Auth;

namespace BizWeb.SampleHost.Pages.User.Certificate;

/// <summary>利用者6-6: 「利用者電子証明書取得完了」 with the Common Name {contract id}{user id}1286.</summary>
public sealed class CompleteModel(IClientCertificateAuthenticator authenticator) : CertificateCompletePageModel(authenticator)
{
    protected override bool ForAdministrator => false;
}
