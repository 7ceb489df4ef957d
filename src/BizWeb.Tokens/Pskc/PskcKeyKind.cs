namespace BizWeb.Tokens;

/// <summary>The kind of one-time password a PSKC key package is for, from its Algorithm.</summary>
public enum PskcKeyKind
{
    /// <summary>An algorithm the reader does not know (reported as unsupported).</summary>
    Unknown = 0,

    /// <summary>Event-based HOTP (RFC 4226, <c>urn:ietf:params:xml:ns:keyprov:pskc:hotp</c>).</summary>
    Hotp = 1,

    /// <summary>Time-based TOTP (RFC 6238, <c>urn:ietf:params:xml:ns:keyprov:pskc:totp</c>).</summary>
    Totp = 2,

    /// <summary>Challenge-response OCRA (RFC 6287), as an <c>OCRA-1:</c> algorithm URI or <c>pskc:ocra</c> with a Suite.</summary>
    Ocra = 3,
}
