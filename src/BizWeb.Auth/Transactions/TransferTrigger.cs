namespace BizWeb.Auth;

/// <summary>What moves a transfer from one <see cref="TransferState"/> to another (<see cref="TransferLifecycle"/>).</summary>
public enum TransferTrigger
{
    /// <summary>The user opened the review screen (資金移動確認画面); reviewing again replaces the confirmation.</summary>
    Reviewed = 0,

    /// <summary>The token confirmed the reviewed transfer and the confirmation claimed it for execution.</summary>
    Confirmed = 1,

    /// <summary>Refused: changed after review, a limit, or permission withdrawn.</summary>
    Refused = 2,

    /// <summary>The executor accepted it (送信完了).</summary>
    Authorised = 3,

    /// <summary>The executor refused it.</summary>
    Failed = 4,

    /// <summary>The user cancelled the scheduled transfer (資金移動先予約取消).</summary>
    Cancelled = 5,
}
