namespace BizWeb.Auth;

/// <summary>The fields of 利用者7-4 【利用者開通確認画面】, as typed.</summary>
public sealed class UserActivationRequest
{
    /// <summary>a. 管理者が登録した利用者暗証番号（仮）.</summary>
    public string? TemporaryLoginPin { get; init; }

    /// <summary>b. 新しい利用者暗証番号.</summary>
    public string? NewLoginPin { get; init; }

    /// <summary>c. 管理者が登録した利用者確認暗証番号（仮）.</summary>
    public string? TemporaryConfirmationPin { get; init; }

    /// <summary>d. 新しい利用者確認暗証番号.</summary>
    public string? NewConfirmationPin { get; init; }

    /// <summary>e. 利用者Eメールアドレス: required when none is registered.</summary>
    public string? Email { get; init; }

    /// <inheritdoc />
    public override string ToString() => "UserActivationRequest(PINs ****)";
}
