namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// Where this process last saw the audit chain head (sequence and hash of the newest record), for the
/// one-statement append (<see cref="EfAuditAppend"/>). Only a guess: the statement moves the head only
/// from exactly there, so a stale guess changes nothing and the append takes the locked way, which
/// reads the head again. The statement matches sequence and hash, so a guess that matches links after
/// exactly the record the head pins, even one taken from another database of the same model. There is
/// one per database (<see cref="StorageSql.AuditHeadOf"/>). The gate keeps this process's own appends from
/// guessing the same place at once.
/// </summary>
internal sealed class AuditHeadHint
{
    private readonly Lock _lock = new();
    private (long Sequence, string Hash)? _head;

    /// <summary>Serialises this process's one-statement appends.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The head last seen, or <see langword="null"/> when unknown.</summary>
    public (long Sequence, string Hash)? Head
    {
        get
        {
            lock (_lock)
            {
                return _head;
            }
        }
    }

    /// <summary>Remembers the head a commit moved to (or, when <paramref name="hash"/> is null, forgets it).</summary>
    public void Set(long sequence, string? hash)
    {
        lock (_lock)
        {
            _head = hash is null ? null : (sequence, hash);
        }
    }
}
