namespace BizWeb.Auth;

/// <summary>The fields of 管理者4-2 【利用者情報登録画面】 (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §4 step 3), as typed.</summary>
public sealed class UserRegistration
{
    /// <summary>a. 利用者ＩＤ: 1–30 half-width letters and digits.</summary>
    public string? UserId { get; init; }

    /// <summary>b. 利用者名（カナ）, required.</summary>
    public string? NameKana { get; init; }

    /// <summary>c. 利用者名（漢字）, optional.</summary>
    public string? NameKanji { get; init; }

    /// <summary>d. 利用者暗証番号（仮）: the temporary login PIN ⑤.</summary>
    public string? TemporaryLoginPin { get; init; }

    /// <summary>e. 利用者確認暗証番号（仮）: the temporary confirmation PIN ⑥.</summary>
    public string? TemporaryConfirmationPin { get; init; }

    /// <summary>f. 利用者Eメールアドレス, optional.</summary>
    public string? Email { get; init; }

    /// <summary>g. 電子証明書発行: whether the bank's CA issues the user a certificate.</summary>
    public bool IssueCertificate { get; init; }

    /// <summary>h. 利用者権限設定: the services granted, by catalogue name.</summary>
    public IReadOnlyList<string> GrantedServices { get; init; } = [];

    /// <summary>i. 限度額設定: the user's limits per granted service (per transfer, per day); a service not listed has no user limit.</summary>
    public IReadOnlyDictionary<string, TransferLimit> ServiceLimits { get; init; } = new Dictionary<string, TransferLimit>(StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"UserRegistration({UserId}, PINs ****)";
}
