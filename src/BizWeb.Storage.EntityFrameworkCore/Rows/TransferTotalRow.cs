namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>One daily total of authorised transfers at one limit level; the day is <c>yyyymmdd</c> in the bank's time zone.</summary>
internal sealed class TransferTotalRow
{
    public required string Key { get; set; }

    public int Day { get; set; }

    public long Used { get; set; }
}
