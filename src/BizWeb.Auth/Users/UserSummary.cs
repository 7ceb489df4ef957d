namespace BizWeb.Auth;

/// <summary>A user as the administrator's list (管理者4-1 利用者情報選択画面) shows it: no PIN hash, no security stamp.</summary>
/// <param name="UserId">利用者ＩＤ.</param>
/// <param name="NameKana">利用者名（カナ）.</param>
/// <param name="NameKanji">利用者名（漢字）.</param>
/// <param name="Email">利用者Eメールアドレス.</param>
/// <param name="State">Registered, active or suspended.</param>
/// <param name="IssueCertificate">電子証明書発行.</param>
/// <param name="GrantedServices">利用者権限設定.</param>
/// <param name="AccidentRegistered">事故登録 on the user.</param>
public sealed record UserSummary(UserId UserId, string NameKana, string? NameKanji, string? Email, UserState State, bool IssueCertificate, IReadOnlyList<string> GrantedServices, bool AccidentRegistered)
{
    /// <summary>限度額設定: the user's limits per granted service.</summary>
    public IReadOnlyDictionary<string, TransferLimit> ServiceLimits { get; init; } = new Dictionary<string, TransferLimit>(StringComparer.Ordinal);

    internal static UserSummary Of(User user) =>
        new(user.Id, user.NameKana, user.NameKanji, user.Email, user.State, user.IssueCertificate, user.GrantedServices, user.AccidentRegistered) { ServiceLimits = user.ServiceLimits };
}
