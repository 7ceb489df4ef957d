using System.Security.Cryptography;
using BizWeb.Auth;

namespace BizWeb.Tokens.Tests;

/// <summary>A default id (no real contract or user) is a programming error where it enters a token flow.</summary>
public sealed class DefaultIdTests : IDisposable
{
    private readonly TestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_token_flows_refuse_default_ids_naming_the_parameter()
    {
        var digest = SHA256.HashData("transfer"u8);
        await Refused("user", () => _host.Get<TransactionConfirmations>().BeginAsync(default, digest).AsTask());
        await Refused("user", () => _host.Get<TransactionConfirmations>().ConfirmAsync(Guid.NewGuid(), default, digest, "123456").AsTask());
        await Refused("contractId", () => _host.Get<CustomerCardIssuance>().IssueAsync(default, TestHost.Operator, default).AsTask());
        await Refused("contractId", () => _host.Get<HardwareTokenInventory>().BindAsync("TK0001", default, TestHost.Operator).AsTask());
        // The administrator is a caller only the SDK makes, so it cannot be a default id; the user it names can.
        await _host.CreateContractAsync();
        await _host.ActivateAdminAsync(await _host.IssueCardAsync());
        var admin = await _host.AdminAsync();
        await Refused("userId", () => _host.Get<HardwareTokenRegistration>().RegisterAsync(admin, default, "TK0001", "123456", TestHost.ConfirmationPin).AsTask());
    }

    private static async Task Refused(string parameter, Func<Task> call) =>
        Assert.Equal(parameter, (await Assert.ThrowsAsync<ArgumentException>(call)).ParamName);
}
