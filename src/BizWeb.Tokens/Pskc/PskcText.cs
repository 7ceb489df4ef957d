using System.Globalization;
using System.Xml.Linq;
using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>Parses a PSKC file's text values (base64, integers) into <see cref="PskcException"/>s, never quoting the value.</summary>
internal static class PskcText
{
    /// <summary>The longest base64 text read (a 4096-bit RSA ciphertext or a 2 KB secret fit easily); checked before decoding.</summary>
    public const int MaxBase64Characters = 8192;

    public static XElement? ChildByLocalName(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static byte[] Base64(string? text, string what)
    {
        var trimmed = text?.Trim() ?? throw new PskcException(MessageCode.PskcKeyPackageInvalid, $"{what} is missing.");
        if (trimmed.Length > MaxBase64Characters)
        {
            throw new PskcException(MessageCode.PskcKeyPackageInvalid, $"{what} is longer than {MaxBase64Characters} characters.");
        }

        try
        {
            return Convert.FromBase64String(trimmed);
        }
        catch (FormatException e)
        {
            throw new PskcException(MessageCode.PskcKeyPackageInvalid, $"{what} is not base64.", inner: e);
        }
    }

    public static int Integer(string? text, string what) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new PskcException(MessageCode.PskcKeyPackageInvalid, $"{what} is not an integer.");

    public static long Long(string? text, string what) =>
        long.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new PskcException(MessageCode.PskcKeyPackageInvalid, $"{what} is not an integer.");
}
