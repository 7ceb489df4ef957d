using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// The integer key data of RFC 6030 §4.3.4 (Counter, Time, TimeInterval, TimeDrift), as a PlainValue or
/// an EncryptedValue (checked and decrypted like the secret). RFC 6030 does not fix how an encrypted
/// integer is written; as other readers do, 8 bytes are a big-endian unsigned integer (python-pskc writes
/// that), other plaintexts of decimal ASCII digits are read as such, and any other of at most 8 bytes as a
/// big-endian unsigned integer.
/// </summary>
internal static class PskcKeyParameters
{
    public static long? Long(XElement? data, string name, PskcContainerKeys keys)
    {
        var element = data?.Element(XName.Get(name, PskcAlgorithms.Pskc));
        if (element is null)
        {
            return null;
        }

        if (element.Element(XName.Get("PlainValue", PskcAlgorithms.Pskc)) is { } plain)
        {
            return PskcText.Long(plain.Value, name);
        }

        var encrypted = element.Element(XName.Get("EncryptedValue", PskcAlgorithms.Pskc))
            ?? throw new PskcException(MessageCode.PskcKeyPackageInvalid, $"{name} has neither a PlainValue nor an EncryptedValue.");
        var bytes = keys.Decrypt(element, encrypted, name);
        try
        {
            return FromPlaintext(bytes, name);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    public static int? Integer(XElement? data, string name, PskcContainerKeys keys) =>
        Long(data, name, keys) is not { } value ? null
            : value is >= int.MinValue and <= int.MaxValue ? (int)value
            : throw new PskcException(MessageCode.PskcKeyPackageInvalid, $"{name} is out of range.");

    private static long FromPlaintext(byte[] bytes, string name)
    {
        if (bytes.Length is > 0 and <= 20 and not 8 && bytes.All(b => b is (>= (byte)'0' and <= (byte)'9') or (byte)'-'))
        {
            var text = new string([.. bytes.Select(b => (char)b)]);
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var decimalValue))
            {
                return decimalValue;
            }
        }

        if (bytes.Length is 0 or > 8)
        {
            throw new PskcException(MessageCode.PskcKeyPackageInvalid, $"The decrypted {name} is not an integer.");
        }

        ulong value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value <= long.MaxValue ? (long)value : throw new PskcException(MessageCode.PskcKeyPackageInvalid, $"The decrypted {name} is out of range.");
    }
}
