using BizWeb.Auth;
using Microsoft.AspNetCore.DataProtection;

namespace BizWeb.AspNetCore;

/// <summary>
/// The SDK's <see cref="ISecretProtector"/> over ASP.NET Core Data Protection: card values, token seeds
/// and the file-access key are encrypted with the host's key ring (persist it where every instance
/// reads it, e.g. <c>PersistKeysToDbContext</c>, and protect it at rest). The SDK's purpose becomes a
/// Data Protection sub-purpose.
/// </summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _root = provider.CreateProtector("BizWeb.SecretProtector.v1");

    public byte[] Protect(ReadOnlySpan<byte> plaintext, string purpose) =>
        _root.CreateProtector(purpose).Protect(plaintext.ToArray());

    public byte[] Unprotect(ReadOnlySpan<byte> protectedData, string purpose) =>
        _root.CreateProtector(purpose).Unprotect(protectedData.ToArray());
}
