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

    /// <summary>The longest associated data built on the stack (purposes are short constants); longer ones go to the heap.</summary>
    private const int MaxStackAssociatedData = 256;
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
        var length = AssociatedDataLength(purpose);
        Span<byte> associatedData = length <= MaxStackAssociatedData ? stackalloc byte[MaxStackAssociatedData] : new byte[length];
        associatedData = WriteAssociatedData(output[1], purpose, associatedData);
        using var aes = new AesGcm(_keys[_currentKeyId], TagLength);
        aes.Encrypt(nonce, plaintext, output.AsSpan(HeaderLength + NonceLength + TagLength), output.AsSpan(HeaderLength + NonceLength, TagLength), associatedData);
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

        // The plaintext is the only array allocated here (and the AesGcm object); the associated data is built on the stack.
        var length = AssociatedDataLength(purpose);
        Span<byte> associatedData = length <= MaxStackAssociatedData ? stackalloc byte[MaxStackAssociatedData] : new byte[length];
        associatedData = WriteAssociatedData(protectedData[1], purpose, associatedData);
        var plaintext = new byte[protectedData.Length - HeaderLength - NonceLength - TagLength];
        using var aes = new AesGcm(key, TagLength);
        aes.Decrypt(
            protectedData.Slice(HeaderLength, NonceLength),
            protectedData[(HeaderLength + NonceLength + TagLength)..],
            protectedData.Slice(HeaderLength + NonceLength, TagLength),
            plaintext,
            associatedData);
        return plaintext;
    }

    private static int AssociatedDataLength(string purpose) => HeaderLength + 4 + Encoding.UTF8.GetByteCount(purpose);

    /// <summary>Format byte, key id, the purpose's UTF-8 length (big-endian) and bytes, into <paramref name="destination"/>; the part written.</summary>
    private static Span<byte> WriteAssociatedData(byte keyId, string purpose, Span<byte> destination)
    {
        destination[0] = Format;
        destination[1] = keyId;
        var purposeLength = Encoding.UTF8.GetBytes(purpose, destination[(HeaderLength + 4)..]);
        BinaryPrimitives.WriteInt32BigEndian(destination[HeaderLength..], purposeLength);
        return destination[..(HeaderLength + 4 + purposeLength)];
    }
}
