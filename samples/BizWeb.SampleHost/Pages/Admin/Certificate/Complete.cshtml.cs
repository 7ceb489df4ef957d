using BizWeb.Auth;

namespace BizWeb.SampleHost.Pages.Admin.Certificate;

/// <summary>管理者2-4: 「管理者電子証明書取得完了」 with the Common Name {contract id}1286.</summary>
public sealed class CompleteModel(IClientCertificateAuthenticator authenticator) : CertificateCompletePageModel(authenticator)
{
    protected override bool ForAdministrator => true;
}
