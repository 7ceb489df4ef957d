namespace BizWeb.Auth;

/// <summary>The fields of a user the administrator can change (利用者情報変更); PINs change with <see cref="UserAdministration.ResetPinsAsync"/>.</summary>
public sealed class UserChange
{
    /// <summary>利用者名（カナ）, required.</summary>
    public string? NameKana { get; init; }

    /// <summary>利用者名（漢字）, optional.</summary>
    public string? NameKanji { get; init; }

    /// <summary>利用者Eメールアドレス, optional.</summary>
    public string? Email { get; init; }

    /// <summary>電子証明書発行.</summary>
    public bool IssueCertificate { get; init; }

    /// <summary>利用者権限設定: the services granted, by catalogue name.</summary>
    public IReadOnlyList<string> GrantedServices { get; init; } = [];

    /// <summary>限度額設定: the user's limits per granted service (per transfer, per day); a service not listed has no user limit.</summary>
    public IReadOnlyDictionary<string, TransferLimit> ServiceLimits { get; init; } = new Dictionary<string, TransferLimit>(StringComparer.Ordinal);
}
