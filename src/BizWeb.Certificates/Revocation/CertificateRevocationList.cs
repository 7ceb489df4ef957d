namespace BizWeb.Certificates;

/// <summary>A signed CRL of the bank's CA, as published.</summary>
public sealed record CertificateRevocationList
{
    /// <summary>The CRL number (1, 2, 3 …; never reused).</summary>
    public required long Number { get; init; }

    /// <summary>thisUpdate.</summary>
    public required DateTimeOffset ThisUpdate { get; init; }

    /// <summary>nextUpdate.</summary>
    public required DateTimeOffset NextUpdate { get; init; }

    /// <summary>The CRL, DER-encoded (serve it as <c>application/pkix-crl</c>).</summary>
#pragma warning disable CA1819 // a stored blob.
    public required byte[] RawData { get; init; }
#pragma warning restore CA1819

    /// <summary>The CRL as PEM (<c>-----BEGIN X509 CRL-----</c>).</summary>
    /// <returns>The PEM text.</returns>
    public string ToPem() => new string(System.Security.Cryptography.PemEncoding.Write("X509 CRL", RawData)) + "\n";

    /// <inheritdoc />
    public override string ToString() => $"CertificateRevocationList(#{Number}, {ThisUpdate:O}..{NextUpdate:O})";
}
