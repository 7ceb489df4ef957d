namespace BizWeb.Auth;

/// <summary>
/// A limit at one level (利用者・サービス別 i. 限度額設定, ご契約先口座情報, ご契約先限度額), in whole yen;
/// <see langword="null"/> means no limit at that level.
/// </summary>
/// <param name="PerTransfer">The most one transfer may be.</param>
/// <param name="PerDay">The most all transfers of one business day (Asia/Tokyo) may add up to.</param>
public sealed record TransferLimit(long? PerTransfer, long? PerDay);
