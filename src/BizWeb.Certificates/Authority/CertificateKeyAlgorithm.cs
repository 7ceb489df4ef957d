namespace BizWeb.Certificates;

/// <summary>The key algorithm of a certificate authority key the SDK creates.</summary>
public enum CertificateKeyAlgorithm
{
    /// <summary>ECDSA on NIST P-256, signing with SHA-256 (the default).</summary>
    EcdsaP256 = 0,

    /// <summary>ECDSA on NIST P-384, signing with SHA-384.</summary>
    EcdsaP384 = 1,

    /// <summary>RSA with a 3072-bit modulus, signing with SHA-256 and PKCS#1 v1.5.</summary>
    Rsa3072 = 2,
}
