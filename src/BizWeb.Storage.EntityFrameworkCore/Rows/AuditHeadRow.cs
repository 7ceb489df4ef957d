namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// The one row that serialises audit appends: a commit locks it, links its records after
/// <see cref="LastHash"/>, and moves it forward in the same transaction. It also pins the tail of
/// the chain, so deleting the newest records is detectable.
/// </summary>
internal sealed class AuditHeadRow
{
    /// <summary>The only id: 1.</summary>
    public const int SingletonId = 1;

    public int Id { get; set; }

    /// <summary>The sequence of the newest record (0 for an empty trail); a concurrency token.</summary>
    public long LastSequence { get; set; }

    public required string LastHash { get; set; }
}
