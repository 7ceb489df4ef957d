namespace BizWeb.Auth;

/// <summary>
/// One service of the bank's catalogue (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §1: 残高照会, 入出金明細, 振込・振替, ファイル伝送, …): the
/// bank enables services per contract, the administrator grants them per user (利用者権限設定).
/// </summary>
/// <param name="Id">The stable id stored in grants, e.g. <c>Transfers</c> (1–32 half-width letters and digits).</param>
/// <param name="NameJa">The name the screens show in Japanese, e.g. 振込・振替.</param>
/// <param name="NameEn">The English name.</param>
public sealed record BankService(string Id, string NameJa, string NameEn);
