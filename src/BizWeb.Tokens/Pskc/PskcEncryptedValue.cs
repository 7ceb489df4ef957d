namespace BizWeb.Tokens;

/// <summary>An EncryptedValue or MACKey whose algorithm and length were checked: the symmetric cipher (none for RSA) and the CipherValue.</summary>
internal sealed record PskcEncryptedValue(string Algorithm, PskcCipher? Cipher, byte[] CipherValue)
{
    /// <summary>Whether the encryption protects its own integrity (key wrap, RSA), so the value may come without a MAC.</summary>
    public bool CarriesIntegrity => Cipher is null || Cipher.IsKeyWrap;
}
