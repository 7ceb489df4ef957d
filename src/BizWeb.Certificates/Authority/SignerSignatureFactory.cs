using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;

namespace BizWeb.Certificates;

/// <summary>Lets BouncyCastle's certificate and CRL generators sign through an <see cref="ICertificateAuthoritySigner"/>, so the CA key never enters BouncyCastle.</summary>
internal sealed class SignerSignatureFactory(ICertificateAuthoritySigner signer, AlgorithmIdentifier algorithm, HashAlgorithmName hash) : ISignatureFactory
{
    public object AlgorithmDetails => algorithm;

    public IStreamCalculator<IBlockResult> CreateCalculator() => new Calculator(signer, hash);

#pragma warning disable CA1001 // BouncyCastle disposes the stream it writes to; a MemoryStream holds no unmanaged resource.
    private sealed class Calculator(ICertificateAuthoritySigner signer, HashAlgorithmName hash) : IStreamCalculator<IBlockResult>
    {
        private readonly MemoryStream _buffer = new();

        public Stream Stream => _buffer;

        // MemoryStream.ToArray works after the generator disposed the stream.
        public IBlockResult GetResult() => new SimpleBlockResult(signer.SignData(_buffer.ToArray(), hash));
    }
#pragma warning restore CA1001
}
