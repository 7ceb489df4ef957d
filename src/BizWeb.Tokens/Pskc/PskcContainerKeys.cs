using System.Xml.Linq;
using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// The container's decryption key and MAC key, and the one rule for every encrypted value (Secret,
/// Counter, Time, TimeInterval, TimeDrift): the value's shape and algorithm are checked, then its ValueMAC
/// in constant time, and only then is it decrypted. CBC values need a MAC; key wrap and RSA carry their
/// own integrity and may come without one. Zeroed by <see cref="Clear"/> when the read ends.
/// </summary>
internal sealed class PskcContainerKeys
{
    private PskcDecryptor? _decryptor;
    private PskcMac? _mac;
    private bool _macMethodSeen;

    public void SetEncryptionKey(XElement encryptionKey, PskcDecryptionKey key)
    {
        _decryptor?.Clear();
        _decryptor = PskcDecryptor.Create(encryptionKey, key);
    }

    public void SetMacMethod(XElement macMethod)
    {
        // The cheap checks first: the algorithm, then the MACKey's presence, then its decryption.
        var algorithm = macMethod.Attribute("Algorithm")?.Value;
        if (!PskcMac.IsSupported(algorithm))
        {
            throw new PskcException(MessageCode.PskcAlgorithmUnsupported, $"unsupported: MAC method {PskcAlgorithms.ShortName(algorithm)} (HMAC-SHA1, -SHA224, -SHA256, -SHA384 or -SHA512).");
        }

        var macKey = macMethod.Element(XName.Get("MACKey", PskcAlgorithms.Pskc))
            ?? throw new PskcException(MessageCode.PskcMacInvalid, "The MACMethod has no MACKey.");
        if (_decryptor is null)
        {
            throw new PskcException(MessageCode.PskcKeyRequired, "The MAC key is encrypted, but the file has no EncryptionKey before it.");
        }

        _macMethodSeen = true;
        _mac?.Clear();
        _mac = PskcMac.Create(algorithm!, _decryptor.Decrypt(_decryptor.Read(macKey, "MAC key"), "MAC key"));
    }

    /// <summary>The plain or decrypted bytes of a Data child holding an EncryptedValue (and its ValueMAC).</summary>
    public byte[] Decrypt(XElement data, XElement encrypted, string what)
    {
        if (_decryptor is null)
        {
            throw new PskcException(MessageCode.PskcKeyRequired, $"The {what} is encrypted, but the file has no EncryptionKey.");
        }

        var value = _decryptor.Read(encrypted, what);
        var valueMac = data.Element(XName.Get("ValueMAC", PskcAlgorithms.Pskc));
        if (valueMac is not null)
        {
            if (_mac is null)
            {
                throw new PskcException(MessageCode.PskcMacInvalid, $"The {what} has a ValueMAC, but the file has no MACMethod to check it with.");
            }

            _mac.Verify(value.CipherValue, PskcText.Base64(valueMac.Value, $"{what} ValueMAC"), what);
        }
        else if (!value.CarriesIntegrity)
        {
            throw new PskcException(MessageCode.PskcMacInvalid, _macMethodSeen
                ? $"The {what} is encrypted with {PskcAlgorithms.ShortName(value.Algorithm)}, but has no ValueMAC."
                : $"The {what} is encrypted with {PskcAlgorithms.ShortName(value.Algorithm)}, but the file has no MACMethod: its integrity cannot be checked (key wrap would need none).");
        }

        return _decryptor.Decrypt(value, what);
    }

    public void Clear()
    {
        _decryptor?.Clear();
        _mac?.Clear();
    }
}
