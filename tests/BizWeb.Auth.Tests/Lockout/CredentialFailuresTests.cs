using BizWeb.Testing.Auth;

namespace BizWeb.Auth.Tests.Lockout;

/// <summary>The public <see cref="CredentialFailures.GetFailuresAsync"/> reads the counters the flows keep.</summary>
public sealed class CredentialFailuresTests : IDisposable
{
    private readonly AuthHarness _h = AuthHarness.Create();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Failures_count_up_with_wrong_PINs_and_reset_on_success()
    {
        var (contract, certificate) = await _h.ActiveContractAsync();
        var admin = PrincipalId.Administrator(contract);
        var counters = _h.Get<ICredentialCounterStore>();
        Assert.Equal(0, await counters.GetFailuresAsync(admin, Credential.AdminLoginPin, _h.Time.GetUtcNow(), default));

        for (var i = 1; i <= 3; i++)
        {
            Assert.False((await _h.Get<AdminSignIn>().VerifyPinAsync(certificate, "wrong999", AuthHarness.Browser)).Succeeded);
            Assert.Equal(i, await counters.GetFailuresAsync(admin, Credential.AdminLoginPin, _h.Time.GetUtcNow(), default));
        }

        // Only that credential of that principal counted.
        Assert.Equal(0, await counters.GetFailuresAsync(admin, Credential.AdminConfirmationPin, _h.Time.GetUtcNow(), default));
        Assert.Equal(0, await counters.GetFailuresAsync(PrincipalId.User(contract, AuthHarness.User("taro")), Credential.UserLoginPin, _h.Time.GetUtcNow(), default));

        Assert.True((await _h.Get<AdminSignIn>().VerifyPinAsync(certificate, AuthHarness.AdminLoginPin, AuthHarness.Browser)).Succeeded);
        Assert.Equal(0, await counters.GetFailuresAsync(admin, Credential.AdminLoginPin, _h.Time.GetUtcNow(), default));
    }

    [Fact]
    public async Task A_null_store_throws() =>
        await Assert.ThrowsAsync<ArgumentNullException>(async () =>
            await CredentialFailures.GetFailuresAsync(null!, PrincipalId.Administrator(ContractId.Parse("12345678901").Value), Credential.AdminLoginPin, DateTimeOffset.UnixEpoch, default));
}
