namespace BizWeb.Certificates;

/// <summary>The answer of <see cref="ICertificateStore.AddCurrentAsync"/>.</summary>
/// <param name="Added">False when the serial number exists already (nothing was stored; the CA issues again with a new serial).</param>
/// <param name="Superseded">The principal's previous current certificate, now revoked as superseded; or <see langword="null"/>.</param>
public readonly record struct CertificateAddition(bool Added, IssuedCertificate? Superseded);
