using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BizWeb.Auth;

/// <summary>
/// The hash chain of the audit trail: each record's hash covers its canonical form and its
/// predecessor's hash, so an edit, deletion or reordering breaks the chain at that point.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first record: 64 zeros.</summary>
    public static string GenesisHash { get; } = new('0', 64);

    /// <summary>Links <paramref name="entry"/> after a record whose hash is <paramref name="previousHash"/>.</summary>
    /// <param name="entry">The record to append.</param>
    /// <param name="sequence">Its sequence number.</param>
    /// <param name="previousHash">The predecessor's hash, or <see cref="GenesisHash"/>.</param>
    /// <returns>The record with sequence and hashes set.</returns>
    public static AuditEntry Link(AuditEntry entry, long sequence, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var linked = entry with { Sequence = sequence, PreviousHash = previousHash, Hash = string.Empty };
        return linked with { Hash = ComputeHash(linked) };
    }

    /// <summary>The hash of <paramref name="entry"/> as it should be (ignores its stored <see cref="AuditEntry.Hash"/>).</summary>
    /// <param name="entry">The record.</param>
    /// <returns>Lower-case hex SHA-256.</returns>
    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // Length-prefixed fields: no separator in a value can make two records hash alike.
        var text = new StringBuilder();
        Append(text, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(text, entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Append(text, ((int)entry.Actor.Kind).ToString(CultureInfo.InvariantCulture));
        Append(text, entry.Actor.Id);
        Append(text, entry.Actor.ClientAddress);
        Append(text, entry.Action);
        Append(text, entry.Subject?.ToString());
        Append(text, ((int)entry.Outcome).ToString(CultureInfo.InvariantCulture));
        Append(text, entry.Detail);
        Append(text, entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Checks a trail read in sequence order from its first record.</summary>
    /// <param name="records">The records, in the order the store returns them.</param>
    /// <returns>Intact, or the sequence number of the first record where the chain breaks.</returns>
    public static AuditChainVerification Verify(IEnumerable<AuditEntry> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var cursor = new Cursor();
        foreach (var record in records)
        {
            if (!cursor.Accept(record))
            {
                break;
            }
        }

        return cursor.Result;
    }

    /// <summary>Verifies records one at a time, so a long trail can be checked page by page in constant memory.</summary>
    internal sealed class Cursor
    {
        private string _previous = GenesisHash;
        private long _count;
        private long? _broken;

        public AuditChainVerification Result => new(_broken is null, _count, _broken);

        /// <summary>Checks the next record; <see langword="false"/> once the chain is broken.</summary>
        public bool Accept(AuditEntry record)
        {
            if (_broken is not null)
            {
                return false;
            }

            if (record.Sequence != _count + 1
                || !string.Equals(record.PreviousHash, _previous, StringComparison.Ordinal)
                || !string.Equals(record.Hash, ComputeHash(record), StringComparison.Ordinal))
            {
                _broken = _count + 1;
                return false;
            }

            _previous = record.Hash;
            _count++;
            return true;
        }
    }

    private static void Append(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("-1:");
            return;
        }

        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
    }
}
