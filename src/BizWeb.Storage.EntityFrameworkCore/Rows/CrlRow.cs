using BizWeb.Certificates;

namespace BizWeb.Storage.EntityFrameworkCore;

/// <summary>
/// The one row of the CRL state: the last CRL number handed out (moved by one conditional
/// <c>UPDATE … RETURNING</c>) and the latest CRL kept (replaced only by a higher number).
/// </summary>
internal sealed class CrlRow
{
    /// <summary>The only id: 1.</summary>
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long LastNumber { get; set; }

    public long? LatestNumber { get; set; }

    public long? LatestThisUpdate { get; set; }

    public long? LatestNextUpdate { get; set; }

    public byte[]? LatestRawData { get; set; }

    public CertificateRevocationList? ToLatest() => LatestNumber is { } number && LatestRawData is { } raw
        ? new CertificateRevocationList
        {
            Number = number,
            ThisUpdate = Ticks.ToInstant(LatestThisUpdate!.Value),
            NextUpdate = Ticks.ToInstant(LatestNextUpdate!.Value),
            RawData = raw,
        }
        : null;
}
