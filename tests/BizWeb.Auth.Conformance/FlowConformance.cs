using BizWeb.Testing.Auth;

namespace BizWeb.Auth.Conformance;

/// <summary>The flows on top of the store under test: lockout under parallel load and the next-Monday quarantine.</summary>
public abstract class FlowConformance : AuthStoreConformance
{
    [Fact]
    public async Task Sixty_four_parallel_wrong_guesses_evaluate_exactly_seven()
    {
        var (contract, certificate) = await H.ActiveContractAsync();
        H.Hasher.Reset();

        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(H.Services);
            var signIn = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<AdminSignIn>(scope.ServiceProvider);
            await signIn.VerifyPinAsync(certificate, "wrong999", AuthHarness.Browser);
        })));

        Assert.Equal(7, H.Hasher.Verifications);
        Assert.Equal(ContractState.Stopped, (await Contracts.FindAsync(contract, default))!.State);
        Assert.True(AuditChain.Verify(await AuditTrail.ReadAsync(0, 10_000, default)).IsIntact);
    }

    [Fact]
    public async Task A_deleted_user_id_is_free_from_the_following_Monday_in_Tokyo()
    {
        var (contract, _) = await H.ActiveContractAsync();
        var taro = await H.RegisterUserAsync(contract);
        var admin = await H.AdminAsync(contract);
        await H.Get<UserAdministration>().DeleteAsync(admin, taro, AuthHarness.AdminConfirmationPin);

        H.Time.SetUtcNow(new DateTimeOffset(2026, 11, 29, 14, 59, 59, TimeSpan.Zero));
        await Assert.ThrowsAsync<InvalidOperationException>(() => H.RegisterUserAsync(contract));
        H.Time.SetUtcNow(new DateTimeOffset(2026, 11, 29, 15, 0, 0, TimeSpan.Zero));
        Assert.Equal(taro, await H.RegisterUserAsync(contract));
    }
}
