namespace BizWeb.Tokens;

/// <summary>What moves a hardware token's codes on: the clock or the button.</summary>
public enum HardwareTokenKind
{
    /// <summary>Time-based (RFC 6238 TOTP): a new code every <see cref="HardwareToken.PeriodSeconds"/>.</summary>
    Totp = 0,

    /// <summary>Event-based (RFC 4226 HOTP): a new code each time the button is pressed; the store keeps the counter.</summary>
    Hotp = 1,
}
