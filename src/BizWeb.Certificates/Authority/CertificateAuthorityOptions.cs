namespace BizWeb.Certificates;

/// <summary>
/// Options of the bank's CA (しんきん電子証明書認証局), bound from code or configuration (section
/// <c>BizWeb:CertificateAuthority</c> by convention) and validated at start-up. The bank code of the
/// common names is <c>BizWebOptions.BankCode</c>.
/// </summary>
public sealed class CertificateAuthorityOptions
{
    /// <summary>The CA certificate file (PEM). Required for the default key provider.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The CA private key file: encrypted PKCS#8 PEM (<c>ENCRYPTED PRIVATE KEY</c>). Required for the default key provider.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>The password of <see cref="PrivateKeyPath"/>; from a secret store, never from source. Never logged.</summary>
    public string? PrivateKeyPassword { get; set; }

    /// <summary>When the two files do not exist, create a root CA and write them (the key encrypted with the password). Off by default.</summary>
    public bool CreateIfMissing { get; set; }

    /// <summary>The key algorithm of a CA created here: ECDSA P-256 by default, P-384 and RSA-3072 selectable.</summary>
    public CertificateKeyAlgorithm KeyAlgorithm { get; set; } = CertificateKeyAlgorithm.EcdsaP256;

    /// <summary>The CN of a CA created here; <c>しんきん電子証明書認証局</c> by default.</summary>
    public string AuthorityName { get; set; } = "しんきん電子証明書認証局";

    /// <summary>How long a CA created here is valid: 10 years by default.</summary>
    public TimeSpan AuthorityValidity { get; set; } = TimeSpan.FromDays(3653);

    /// <summary>O of the client certificates' subject (and of a CA created here), if any.</summary>
    public string? Organization { get; set; }

    /// <summary>OU of the client certificates' subject, if any.</summary>
    public string? OrganizationalUnit { get; set; }

    /// <summary>C of the subjects: <c>JP</c> by default; empty for none.</summary>
    public string? Country { get; set; } = "JP";

    /// <summary>How long a client certificate is valid: 1 year (365 days) by default.</summary>
    public TimeSpan Validity { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How far notBefore lies before the issuance, for clients whose clock is slow: 5 minutes by default.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Renewal with the current certificate opens this long before it expires: 30 days by default.</summary>
    public TimeSpan RenewalWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The first expiry reminder goes out this long before expiry: 30 days by default.</summary>
    public TimeSpan FirstReminder { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The last expiry reminder goes out this long before expiry: 10 days by default.</summary>
    public TimeSpan FinalReminder { get; set; } = TimeSpan.FromDays(10);

    /// <summary>The CRL distribution point written into every client certificate (http or https). Required.</summary>
    public Uri? CrlDistributionPoint { get; set; }

    /// <summary>nextUpdate − thisUpdate of each CRL: 1 day by default. A CRL is regenerated on every revocation and when half of this has passed.</summary>
    public TimeSpan CrlValidity { get; set; } = TimeSpan.FromDays(1);

    internal IEnumerable<string> Validate(string prefix, bool fileKeyProvider)
    {
        if (fileKeyProvider)
        {
            if (string.IsNullOrWhiteSpace(CertificatePath) || string.IsNullOrWhiteSpace(PrivateKeyPath))
            {
                yield return $"{prefix}:CertificatePath and {prefix}:PrivateKeyPath are required (or register an ICertificateAuthorityKeyProvider).";
            }
            else if (!CreateIfMissing && (!File.Exists(CertificatePath) || !File.Exists(PrivateKeyPath)))
            {
                yield return $"{prefix}: the CA certificate or key file does not exist (set CreateIfMissing to create a root CA).";
            }

            if (string.IsNullOrEmpty(PrivateKeyPassword))
            {
                yield return $"{prefix}:PrivateKeyPassword is required: the CA key file is always encrypted.";
            }
        }

        if (!Enum.IsDefined(KeyAlgorithm))
        {
            yield return $"{prefix}:KeyAlgorithm must be EcdsaP256, EcdsaP384 or Rsa3072.";
        }

        if (string.IsNullOrWhiteSpace(AuthorityName))
        {
            yield return $"{prefix}:AuthorityName is required.";
        }

        if (Country is { Length: > 0 } c && (c.Length != 2 || !c.All(char.IsAsciiLetterUpper)))
        {
            yield return $"{prefix}:Country must be a two-letter upper-case ISO 3166 code (or empty).";
        }

        if (AuthorityValidity < TimeSpan.FromDays(1))
        {
            yield return $"{prefix}:AuthorityValidity must be at least one day.";
        }

        if (Validity < TimeSpan.FromDays(1) || Validity > TimeSpan.FromDays(825))
        {
            yield return $"{prefix}:Validity must be between 1 and 825 days.";
        }

        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromHours(1))
        {
            yield return $"{prefix}:ClockSkew must be between zero and one hour.";
        }

        if (RenewalWindow <= TimeSpan.Zero || RenewalWindow >= Validity)
        {
            yield return $"{prefix}:RenewalWindow must be positive and shorter than Validity.";
        }

        if (FinalReminder <= TimeSpan.Zero || FirstReminder <= FinalReminder || FirstReminder >= Validity)
        {
            yield return $"{prefix}:FirstReminder must be longer than FinalReminder (> 0) and shorter than Validity.";
        }

        if (CrlDistributionPoint is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{prefix}:CrlDistributionPoint must be an absolute http or https URL.";
        }

        if (CrlValidity < TimeSpan.FromMinutes(10) || CrlValidity > TimeSpan.FromDays(31))
        {
            yield return $"{prefix}:CrlValidity must be between 10 minutes and 31 days.";
        }
    }
}
