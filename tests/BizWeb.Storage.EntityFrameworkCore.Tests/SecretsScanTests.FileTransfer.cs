using System.Security.Cryptography;
using System.Text;
using BizWeb.Auth;
using BizWeb.Testing.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>The file-transfer credentials (ファイル伝送契約情報) are stored as a PHC hash and a ciphertext only.</summary>
public abstract partial class SecretsScanTests
{
    private const string ZenginPassword = "908172";
    private const string FileAccessKey = "FileKeyZ9x";

    [Fact]
    public async Task The_zengin_password_and_file_access_key_are_not_stored_in_clear()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using (var h = AuthHarness.Create(services: s =>
        {
            database.AddStores(s);
            s.AddSingleton<ISecretProtector>(new AesGcmSecretProtector(new Dictionary<byte, byte[]> { [1] = key }, 1));
        }))
        {
            var (contract, _) = await h.ActiveContractAsync();
            var admin = await h.AdminAsync(contract);
            var set = await h.Get<OptionalSettings>().SetFileTransferInfoAsync(admin, ZenginPassword, FileAccessKey, AuthHarness.AdminConfirmationPin);
            Assert.True(set.Succeeded, set.ToString());
        }

        var values = await ReadEveryValueAsync();
        Assert.Contains(values, v => v.Where.Contains("zengin_password_hash", StringComparison.Ordinal) && v.Text.StartsWith("$argon2id$", StringComparison.Ordinal));
        foreach (var (where, text, bytes) in values)
        {
            Assert.False(text.Contains(FileAccessKey, StringComparison.Ordinal), $"{where} holds the file access key in clear");
            Assert.True(bytes is null || bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(FileAccessKey)) < 0, $"{where} holds the file access key in clear");
            Assert.False(!text.StartsWith("$argon2id$", StringComparison.Ordinal) && text.Contains(ZenginPassword, StringComparison.Ordinal), $"{where} holds the zengin password in clear");
        }
    }
}
