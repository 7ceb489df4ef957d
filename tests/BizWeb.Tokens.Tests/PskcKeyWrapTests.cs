using BizWeb.Auth;

namespace BizWeb.Tokens.Tests;

/// <summary>The AES key wrap test vectors of RFC 3394 §4 and RFC 5649 §6, through the reader's cipher.</summary>
public sealed class PskcKeyWrapTests
{
    private const string Kek128 = "000102030405060708090A0B0C0D0E0F";
    private const string Kek192 = "000102030405060708090A0B0C0D0E0F1011121314151617";
    private const string Kek256 = "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F";
    private const string Kek5649 = "5840DF6E29B02AF1AB493B705BF16EA1AE8338F4DCC176A8";

    [Theory]
    [InlineData("kw-aes128", Kek128, "00112233445566778899AABBCCDDEEFF", "1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5")]
    [InlineData("kw-aes192", Kek192, "00112233445566778899AABBCCDDEEFF", "96778B25AE6CA435F92B5B97C050AED2468AB8A17AD84E5D")]
    [InlineData("kw-aes256", Kek256, "00112233445566778899AABBCCDDEEFF", "64E8C3F9CE0F5BA263E9777905818A2A93C8191E7D6E8AE7")]
    [InlineData("kw-aes192", Kek192, "00112233445566778899AABBCCDDEEFF0001020304050607", "031D33264E15D33268F24EC260743EDCE1C6C7DDEE725A936BA814915C6762D2")]
    [InlineData("kw-aes256", Kek256, "00112233445566778899AABBCCDDEEFF0001020304050607", "A8F9BC1612C68B3FF6E6F4FBE30E71E4769C8B80A32CB8958CD5D17D6B254DA1")]
    [InlineData("kw-aes256", Kek256, "00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F", "28C9F404C4B810F4CBCCB35CFB87F8263F5786E2D80ED326CBC7F0E71A99F43BFB988B9B7A02DD21")]
    public void RFC_3394_vectors_unwrap(string algorithm, string kek, string keyData, string wrapped) =>
        Assert.Equal(keyData, Convert.ToHexString(Unwrap(PskcAlgorithms.XmlEnc + algorithm, kek, wrapped)));

    [Theory]
    [InlineData("C37B7E6492584340BED12207808941155068F738", "138BDEAA9B8FA7FC61F97742E72248EE5AE6AE5360D1AE6A5F54F373FA543B6A")]
    [InlineData("466F7250617369", "AFBEB0F07DFBF5419200F2CCB50BB24F")]
    public void RFC_5649_vectors_unwrap(string keyData, string wrapped) =>
        Assert.Equal(keyData, Convert.ToHexString(Unwrap(PskcAlgorithms.KwAes192Pad, Kek5649, wrapped)));

    [Theory]
    [InlineData("kw-aes128", Kek128, "1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE4")]
    [InlineData("kw-aes128", Kek256, "1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5")]
    public void An_altered_wrap_or_a_wrong_key_fails_the_integrity_check(string algorithm, string kek, string wrapped)
    {
        var e = Assert.Throws<PskcException>(() => Unwrap(PskcAlgorithms.XmlEnc + algorithm, kek, wrapped));
        Assert.Contains(e.Code, new[] { MessageCode.PskcMacInvalid, MessageCode.PskcKeyRequired });
    }

    private static byte[] Unwrap(string algorithm, string kek, string wrapped)
    {
        var cipher = PskcCipher.Find(algorithm)!;
        var value = Convert.FromHexString(wrapped);
        cipher.CheckShape(value);
        return cipher.Decrypt(Convert.FromHexString(kek), value, "Secret");
    }
}
