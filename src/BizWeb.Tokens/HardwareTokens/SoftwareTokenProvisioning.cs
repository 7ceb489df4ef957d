namespace BizWeb.Tokens;

/// <summary>
/// A software token created for a bank that hands out authenticator apps: its serial number and the
/// <c>otpauth://</c> URI (with the seed in Base32) to show once as a QR code. <see cref="ToString"/>
/// never shows the URI.
/// </summary>
public sealed class SoftwareTokenProvisioning
{
    internal SoftwareTokenProvisioning(string serialNumber, string uri)
    {
        SerialNumber = serialNumber;
        Uri = uri;
    }

    /// <summary>The serial number under which the token is in the inventory.</summary>
    public string SerialNumber { get; }

    /// <summary>The <c>otpauth://totp/…</c> provisioning URI; it holds the seed: show it once, never store or log it.</summary>
    public string Uri { get; }

    /// <summary>Names the token; never shows the URI.</summary>
    /// <returns>The serial number.</returns>
    public override string ToString() => $"SoftwareToken {SerialNumber}";
}
