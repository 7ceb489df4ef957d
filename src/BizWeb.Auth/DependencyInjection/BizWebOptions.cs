namespace BizWeb.Auth;

/// <summary>
/// Options of the SDK, bound from code or configuration (section <c>BizWeb</c> by convention) and
/// validated at start-up. Defaults come straight from SPEC.md.
/// </summary>
public sealed class BizWebOptions
{
    /// <summary>The bank code that ends every certificate common name; <c>1286</c> by default.</summary>
    public string BankCode { get; set; } = Auth.BankCode.Default.ToString();

    /// <summary>
    /// The bank's time zone (IANA id), for "next Monday" and the business day; <c>Asia/Tokyo</c> by default.
    /// </summary>
    public string TimeZoneId { get; set; } = "Asia/Tokyo";

    /// <summary>The PIN system for login and confirmation PINs.</summary>
    public PinPolicyOptions PinPolicy { get; set; } = new();

    /// <summary>How PINs are hashed.</summary>
    public PinHashingOptions PinHashing { get; set; } = new();
}
