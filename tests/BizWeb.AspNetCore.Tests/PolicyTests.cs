using BizWeb.Auth;
using BizWeb.Testing.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.AspNetCore.Tests;

/// <summary>The administrator, user and per-service policies (issue 17).</summary>
public sealed class PolicyTests
{
    [Fact]
    public async Task The_hosts_own_policy_provider_is_kept_beside_the_service_policies()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IAuthorizationPolicyProvider, HostPolicies>();
        services.AddBizWeb().AddAspNetCore();
        await using var provider = services.BuildServiceProvider();
        var policies = provider.GetRequiredService<IAuthorizationPolicyProvider>();

        Assert.Same(HostPolicies.Branch, await policies.GetPolicyAsync("BranchStaff"));
        Assert.Same(HostPolicies.Branch, await policies.GetFallbackPolicyAsync());
        var service = await policies.GetPolicyAsync(BizWebPolicies.Service("Transfers"));
        Assert.Contains(service!.Requirements, r => r is ServiceGrantRequirement);
        // The host's provider knows only its own names; the administrator policy still exists.
        var administrator = await policies.GetPolicyAsync(BizWebPolicies.Administrator);
        var roles = Assert.Single(administrator!.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>());
        Assert.Contains(BizWebAuthenticationDefaults.AdministratorRole, roles.AllowedRoles);
    }

    private sealed class HostPolicies : IAuthorizationPolicyProvider
    {
        public static readonly AuthorizationPolicy Branch = new AuthorizationPolicyBuilder().RequireClaim("branch").Build();

        public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => Task.FromResult(Branch);

        public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => Task.FromResult<AuthorizationPolicy?>(Branch);

        public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) => Task.FromResult(policyName == "BranchStaff" ? Branch : null);
    }

    [Fact]
    public async Task An_administrator_is_forbidden_the_user_policy_and_a_user_the_administrator_policy()
    {
        await using var portal = await TestPortal.StartAsync();
        var (contract, adminCertificate) = await portal.Harness.ActiveContractAsync();
        var admin = await portal.SignInAsync(await portal.Harness.SignInAdminAsync(adminCertificate), adminCertificate);
        var userId = await portal.Harness.RegisterUserAsync(contract);
        var (userCertificate, userSignIn) = await portal.Harness.ActivateUserAsync(contract, userId);
        var user = await portal.SignInAsync(userSignIn, userCertificate);

        Assert.Equal(StatusCodes.Status403Forbidden, (await portal.SendAsync("GET", "/user", admin, adminCertificate)).Status);
        Assert.Equal(StatusCodes.Status403Forbidden, (await portal.SendAsync("GET", "/admin", user, userCertificate)).Status);
        var asUser = await portal.SendAsync("GET", "/user", user, userCertificate);
        Assert.Equal(StatusCodes.Status200OK, asUser.Status);
        Assert.Equal("taro", asUser.Body);
    }

    [Fact]
    public async Task The_service_policy_admits_a_user_granted_the_service_and_forbids_one_without_it()
    {
        await using var portal = await TestPortal.StartAsync();
        var harness = portal.Harness;
        var (contract, adminCertificate) = await harness.ActiveContractAsync();
        Assert.True((await harness.Get<BankOperations>().SetContractServicesAsync(harness.Operator, contract, ["Transfers", "BalanceInquiry"])).Succeeded);
        await RegisterAsync(harness, contract, "hanako", ["Transfers"]);
        await RegisterAsync(harness, contract, "jiro", ["BalanceInquiry"]);
        var (hanakoCertificate, hanakoSignIn) = await harness.ActivateUserAsync(contract, AuthHarness.User("hanako"));
        var (jiroCertificate, jiroSignIn) = await harness.ActivateUserAsync(contract, AuthHarness.User("jiro"));
        var admin = await portal.SignInAsync(await harness.SignInAdminAsync(adminCertificate), adminCertificate);

        var granted = await portal.SendAsync("GET", "/transfers", await portal.SignInAsync(hanakoSignIn, hanakoCertificate), hanakoCertificate);
        var notGranted = await portal.SendAsync("GET", "/transfers", await portal.SignInAsync(jiroSignIn, jiroCertificate), jiroCertificate);
        var administrator = await portal.SendAsync("GET", "/transfers", admin, adminCertificate);

        Assert.Equal(StatusCodes.Status200OK, granted.Status);
        Assert.Equal("hanako", granted.Body);
        Assert.Equal(StatusCodes.Status403Forbidden, notGranted.Status);
        Assert.Equal(StatusCodes.Status403Forbidden, administrator.Status);
    }

    [Fact]
    public async Task A_grant_withdrawn_by_the_administrator_is_refused_at_the_next_request()
    {
        await using var portal = await TestPortal.StartAsync();
        var harness = portal.Harness;
        var (contract, _) = await harness.ActiveContractAsync();
        Assert.True((await harness.Get<BankOperations>().SetContractServicesAsync(harness.Operator, contract, ["Transfers", "BalanceInquiry"])).Succeeded);
        await RegisterAsync(harness, contract, "hanako", ["Transfers"]);
        var (certificate, signedIn) = await harness.ActivateUserAsync(contract, AuthHarness.User("hanako"));
        var jar = await portal.SignInAsync(signedIn, certificate);
        Assert.Equal(StatusCodes.Status200OK, (await portal.SendAsync("GET", "/transfers", jar, certificate)).Status);

        var user = (await harness.Store.FindAsync(contract, AuthHarness.User("hanako"), CancellationToken.None))!;
        var change = await harness.Get<UserAdministration>().ChangeAsync(await harness.AdminAsync(contract), AuthHarness.User("hanako"),
            new UserChange { NameKana = user.NameKana, NameKanji = user.NameKanji, Email = user.Email, IssueCertificate = false, GrantedServices = ["BalanceInquiry"] }, AuthHarness.AdminConfirmationPin);
        Assert.True(change.Succeeded, string.Join(", ", change.Errors));

        // The change renews the user's security stamp, so the session itself ends (and with it the grant).
        Assert.Equal(StatusCodes.Status302Found, (await portal.SendAsync("GET", "/transfers", jar, certificate)).Status);
    }

    private static async Task RegisterAsync(AuthHarness harness, ContractId contract, string userId, IReadOnlyList<string> services)
    {
        var result = await harness.Get<UserAdministration>().RegisterAsync(await harness.AdminAsync(contract), new UserRegistration
        {
            UserId = userId,
            NameKana = "ヤマダ ハナコ",
            TemporaryLoginPin = AuthHarness.TemporaryLoginPin,
            TemporaryConfirmationPin = AuthHarness.TemporaryConfirmationPin,
            Email = $"{userId}@example.co.jp",
            IssueCertificate = true,
            GrantedServices = services,
        }, AuthHarness.AdminConfirmationPin);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
    }
}
