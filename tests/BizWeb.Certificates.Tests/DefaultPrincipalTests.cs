using BizWeb.Auth;

namespace BizWeb.Certificates.Tests;

/// <summary>A default principal (no real contract or user) is a programming error where it enters the CA (its stores: the conformance suite).</summary>
public sealed class DefaultPrincipalTests : IDisposable
{
    private readonly TestAuthority _ca = new();

    public void Dispose() => _ca.Dispose();

    [Fact]
    public async Task The_authority_refuses_a_default_principal_naming_the_parameter()
    {
        Assert.Equal("principal", (await Assert.ThrowsAsync<ArgumentException>(() => _ca.Ca.FindCurrentAsync(default).AsTask())).ParamName);
        Assert.Equal("principal", (await Assert.ThrowsAsync<ArgumentException>(() => _ca.Ca.RevokeCurrentAsync(default, CertificateRevocationReason.KeyCompromise, TestAuthority.Operator).AsTask())).ParamName);
        Assert.Equal("principal", (await Assert.ThrowsAsync<ArgumentException>(() => _ca.Ca.FindCurrentAsync(new PrincipalId(TestAuthority.Contract, default(UserId))).AsTask())).ParamName);
        Assert.Null(await _ca.Ca.FindCurrentAsync(TestAuthority.User)); // a real principal without a certificate is no error
    }
}
