using BizWeb.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.AspNetCore.Tests;

/// <summary>The Data Protection <see cref="ISecretProtector"/> (issue 17).</summary>
public sealed class DataProtectionSecretProtectorTests
{
    [Fact]
    public async Task Secrets_round_trip_only_under_their_own_purpose_and_are_not_stored_in_clear()
    {
        await using var portal = await TestPortal.StartAsync();
        var protector = portal.App.Services.GetRequiredService<ISecretProtector>();
        byte[] seed = [0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x30];

        var stored = protector.Protect(seed, "BizWeb.Tokens.Seed");

        Assert.IsType<DataProtectionSecretProtector>(protector);
        Assert.Equal(seed, protector.Unprotect(stored, "BizWeb.Tokens.Seed"));
        Assert.False(stored.AsSpan().IndexOf(seed) >= 0);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.Unprotect(stored, "BizWeb.Tokens.CustomerCard"));
    }

    [Fact]
    public async Task A_protector_the_host_registered_is_kept()
    {
        var own = new AesGcmSecretProtector(new Dictionary<byte, byte[]> { [1] = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32) }, 1);
        await using var portal = await TestPortal.StartAsync(services: s => s.AddSingleton<ISecretProtector>(own));

        Assert.Same(own, portal.App.Services.GetRequiredService<ISecretProtector>());
    }
}
