namespace BizWeb.Auth;

/// <summary>Where a transfer is (利用者9-1 … 9-2). <see cref="TransferLifecycle"/> holds the transitions.</summary>
public enum TransferState
{
    /// <summary>Entered and checked (permission, payee, fee, limits); not reviewed yet.</summary>
    Drafted = 0,

    /// <summary>On the review screen (資金移動確認画面): its digest is frozen and bound to a token confirmation.</summary>
    Reviewed = 1,

    /// <summary>Confirmed with the token and claimed for execution; its daily totals are reserved. Left here only if the executor threw.</summary>
    Executing = 2,

    /// <summary>Authorised and accepted by the executor (送信完了): immediate or scheduled.</summary>
    Authorised = 3,

    /// <summary>Refused after review (changed after review, a limit, permission withdrawn); final.</summary>
    Refused = 4,

    /// <summary>The executor refused it; its totals were released; final.</summary>
    Failed = 5,

    /// <summary>A scheduled transfer the user cancelled (資金移動先予約取消); its totals were released; final.</summary>
    Cancelled = 6,
}
