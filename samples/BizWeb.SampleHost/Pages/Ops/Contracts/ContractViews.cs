using BizWeb.Auth;
using BizWeb.Certificates;
using BizWeb.Tokens;

namespace BizWeb.SampleHost.Pages.Ops.Contracts;

/// <summary>
/// Reads a <see cref="ContractView"/> from the SDK's stores. IContractStore has no listing, so the
/// console looks contracts up by id. The failure counters are read with the SDK's public
/// <see cref="CredentialFailures.GetFailuresAsync"/>.
/// </summary>
public static class ContractViews
{
    private static readonly Credential[] ContractCredentials = [Credential.RegistrationPin, Credential.CustomerCard, Credential.AdminLoginPin, Credential.AdminConfirmationPin];
    private static readonly Credential[] UserCredentials = [Credential.UserLoginPin, Credential.UserConfirmationPin, Credential.HardwareToken];

    public static async Task<ContractView?> LoadAsync(IServiceProvider services, ContractId contractId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var contract = await services.GetRequiredService<IContractStore>().FindAsync(contractId, cancellationToken);
        if (contract is null)
        {
            return null;
        }

        var counters = services.GetRequiredService<ICredentialCounterStore>();
        var tokens = services.GetRequiredService<IHardwareTokenStore>();
        var ca = services.GetService<CertificateAuthority>();
        var admin = PrincipalId.Administrator(contractId);
        var users = new List<UserView>();
        foreach (var user in await services.GetRequiredService<IUserStore>().ListAsync(contractId, cancellationToken))
        {
            users.Add(new UserView(
                user,
                await FailuresAsync(counters, user.Principal, UserCredentials, now, cancellationToken),
                await tokens.FindByOwnerAsync(user.Principal, cancellationToken),
                ca is null ? null : await ca.FindCurrentAsync(user.Principal, cancellationToken)));
        }

        return new ContractView(
            contract,
            await FailuresAsync(counters, admin, ContractCredentials, now, cancellationToken),
            ca is null ? null : await ca.FindCurrentAsync(admin, cancellationToken),
            users);
    }

    private static async Task<IReadOnlyList<(Credential, int)>> FailuresAsync(ICredentialCounterStore counters, PrincipalId principal, Credential[] credentials, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = new List<(Credential, int)>();
        foreach (var credential in credentials)
        {
            result.Add((credential, await counters.GetFailuresAsync(principal, credential, now, cancellationToken)));
        }

        return result;
    }
}
