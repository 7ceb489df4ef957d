namespace BizWeb.Tokens;

/// <summary>The algorithm URIs a PSKC file names (RFC 6030, XML Encryption 1.0/1.1, RFC 6931).</summary>
internal static class PskcAlgorithms
{
    public const string Pskc = "urn:ietf:params:xml:ns:keyprov:pskc";
    public const string XmlDsig = "http://www.w3.org/2000/09/xmldsig#";
    public const string XmlDsigMore = "http://www.w3.org/2001/04/xmldsig-more#";
    public const string XmlEnc = "http://www.w3.org/2001/04/xmlenc#";
    public const string XmlEnc11 = "http://www.w3.org/2009/xmlenc11#";
    public const string Pbkdf2 = "http://www.rsasecurity.com/rsalabs/pkcs/schemas/pkcs-5v2-0#pbkdf2";

    public const string Aes128Cbc = XmlEnc + "aes128-cbc";
    public const string Aes192Cbc = XmlEnc + "aes192-cbc";
    public const string Aes256Cbc = XmlEnc + "aes256-cbc";
    public const string TripleDesCbc = XmlEnc + "tripledes-cbc";
    public const string Camellia128Cbc = XmlDsigMore + "camellia128-cbc";
    public const string Camellia192Cbc = XmlDsigMore + "camellia192-cbc";
    public const string Camellia256Cbc = XmlDsigMore + "camellia256-cbc";
    public const string KwAes128 = XmlEnc + "kw-aes128";
    public const string KwAes192 = XmlEnc + "kw-aes192";
    public const string KwAes256 = XmlEnc + "kw-aes256";
    public const string KwAes128Pad = XmlEnc11 + "kw-aes-128-pad";
    public const string KwAes192Pad = XmlEnc11 + "kw-aes-192-pad";
    public const string KwAes256Pad = XmlEnc11 + "kw-aes-256-pad";
    public const string RsaOaepMgf1p = XmlEnc + "rsa-oaep-mgf1p";
    public const string Rsa15 = XmlEnc + "rsa-1_5";
    public const string Sha1Digest = XmlDsig + "sha1";

    public const string HmacSha1 = XmlDsig + "hmac-sha1";
    public const string HmacSha224 = XmlDsigMore + "hmac-sha224";
    public const string HmacSha256 = XmlDsigMore + "hmac-sha256";
    public const string HmacSha384 = XmlDsigMore + "hmac-sha384";
    public const string HmacSha512 = XmlDsigMore + "hmac-sha512";

    /// <summary>The part after the namespace, for messages ("aes128-cbc"); never longer than 80 characters.</summary>
    public static string ShortName(string? uri)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return "(none)";
        }

        var hash = uri.LastIndexOf('#');
        return Printable(hash >= 0 && hash < uri.Length - 1 && !uri.StartsWith(Pskc, StringComparison.Ordinal) ? uri[(hash + 1)..] : uri);
    }

    /// <summary>A name from the file as it may be shown: control characters removed, at most 80 characters.</summary>
    public static string Printable(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "(none)";
        }

        name = new string([.. name.Where(c => !char.IsControl(c))]);
        return name.Length > 80 ? name[..80] + "…" : name;
    }
}
