namespace BizWeb.SampleHost.Tests;

/// <summary>
/// A contract made on the operations console, its administrator activated, signed up with a
/// certificate and a registered user who is activated with a certificate and the token: the state
/// every later scenario starts from.
/// </summary>
public sealed record ActiveUser(DemoContract Contract, string AdminCertificate, string UserCertificate, string UserId)
{
    public static async Task<ActiveUser> CreateAsync(Browser browser, SampleHostProcess host, string contractId, bool linked, string userId = "taro01")
    {
        DemoContract contract;
        await using (var bank = await browser.NewContextAsync(host))
        {
            var page = await bank.NewPageAsync();
            await OperationsJourney.SignInAsync(page, host);
            contract = await OperationsJourney.CreateContractAsync(page, host, contractId, linked);
            await AdminJourney.ActivateAsync(page, host, contract);
        }

        var adminCertificate = await CertTool.EnrollAdministratorAsync(host, contract, AdminJourney.LoginPin);
        await using (var admin = await browser.NewContextAsync(host, adminCertificate, CertTool.Pkcs12Password))
        {
            var page = await admin.NewPageAsync();
            await AdminJourney.SignInAsync(page, host, contract);
            await UserJourney.RegisterAsync(page, host, userId, "Transfers", "BalanceInquiry");
            await UserJourney.RegisterTokenAsync(page, host, contract, userId);
        }

        await host.AdvanceClockAsync(TimeSpan.FromMinutes(1));
        var userCertificate = await CertTool.EnrollUserAsync(host, contract.ContractId, userId, UserJourney.TemporaryLoginPin, () => contract.TokenCode(host.UtcNow));
        await using (var user = await browser.NewContextAsync(host, userCertificate, CertTool.Pkcs12Password))
        {
            await UserJourney.ActivateAsync(await user.NewPageAsync(), host);
        }

        return new ActiveUser(contract, adminCertificate, userCertificate, userId);
    }
}
