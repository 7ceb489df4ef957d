using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace BizWeb.Auth;

/// <summary>
/// AES-256-GCM with a key ring: each ciphertext names the key that made it, so keys rotate without
/// re-encrypting at once. Layout: format byte <c>1</c>, key id (1 byte), 12-byte random nonce,
/// 16-byte tag, ciphertext. The purpose and the header are authenticated as associated data.
/// </summary>
public sealed class AesGcmSecretProtector : ISecretProtector
{
    private const byte Format = 1;
    private const int HeaderLength = 2;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private readonly Dictionary<byte, byte[]> _keys;
    private readonly byte _currentKeyId;

    /// <summary>Creates a protector over a key ring.</summary>
    /// <param name="keys">Key id → 32-byte key. Copied.</param>
    /// <param name="currentKeyId">The key new ciphertexts use.</param>
    /// <exception cref="ArgumentException">A key is not 32 bytes, or the current key is missing.</exception>
    public AesGcmSecretProtector(IReadOnlyDictionary<byte, byte[]> keys, byte currentKeyId)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Any(k => k.Value is not { Length: 32 }))
        {
            throw new ArgumentException("Every key must be 32 bytes (AES-256).", nameof(keys));
        }

        if (!keys.ContainsKey(currentKeyId))
        {
            throw new ArgumentException("The current key id is not in the key ring.", nameof(currentKeyId));
        }

        _keys = keys.ToDictionary(k => k.Key, k => k.Value.ToArray());
        _currentKeyId = currentKeyId;
    }

    /// <inheritdoc />
    public byte[] Protect(ReadOnlySpan<byte> plaintext, string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var output = new byte[HeaderLength + NonceLength + TagLength + plaintext.Length];
        output[0] = Format;
        output[1] = _currentKeyId;
        var nonce = output.AsSpan(HeaderLength, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_currentKeyId], TagLength);
        aes.Encrypt(nonce, plaintext, output.AsSpan(HeaderLength + NonceLength + TagLength), output.AsSpan(HeaderLength + NonceLength, TagLength), AssociatedData(output[1], purpose));
        return output;
    }

    /// <inheritdoc />
    public byte[] Unprotect(ReadOnlySpan<byte> protectedData, string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        if (protectedData.Length < HeaderLength + NonceLength + TagLength || protectedData[0] != Format)
        {
            throw new CryptographicException("The protected data is not in a known format.");
        }

        if (!_keys.TryGetValue(protectedData[1], out var key))
        {
            throw new CryptographicException("The protected data was made with a key that is not in the key ring.");
        }

        var plaintext = new byte[protectedData.Length - HeaderLength - NonceLength - TagLength];
        using var aes = new AesGcm(key, TagLength);
        aes.Decrypt(
            protectedData.Slice(HeaderLength, NonceLength),
            protectedData[(HeaderLength + NonceLength + TagLength)..],
            protectedData.Slice(HeaderLength + NonceLength, TagLength),
            plaintext,
            AssociatedData(protectedData[1], purpose));
        return plaintext;
    }

    private static byte[] AssociatedData(byte keyId, string purpose)
    {
        var purposeBytes = Encoding.UTF8.GetBytes(purpose);
        var data = new byte[HeaderLength + 4 + purposeBytes.Length];
        data[0] = Format;
        data[1] = keyId;
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(HeaderLength), purposeBytes.Length);
        purposeBytes.CopyTo(data.AsSpan(HeaderLength + 4));
        return data;
    }
}
