namespace BizWeb.Certificates;

/// <summary>The CRL number sequence and the latest published CRL.</summary>
public interface ICertificateRevocationListStore
{
    /// <summary>Takes the next CRL number (1, 2, 3 …), atomically; a number is never handed out twice.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number.</returns>
    ValueTask<long> NextNumberAsync(CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="crl"/> as the latest, unless a CRL with a higher number is kept already.</summary>
    /// <param name="crl">The CRL.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    ValueTask SaveAsync(CertificateRevocationList crl, CancellationToken cancellationToken);

    /// <summary>The CRL with the highest number, or <see langword="null"/>.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The CRL.</returns>
    ValueTask<CertificateRevocationList?> FindLatestAsync(CancellationToken cancellationToken);
}
