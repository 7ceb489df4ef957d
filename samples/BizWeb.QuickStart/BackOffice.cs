using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using BizWeb.Auth;
using BizWeb.Tokens;

namespace BizWeb.QuickStart;

/// <summary>
/// The bank's back office, as small as a quick start allows. <c>bank new-contract &lt;契約者ID&gt;</c>
/// creates the contract (利用中止連動式), enables balance inquiry and transfers, issues the customer
/// card and a software token bound to the contract, and prints the one-time secrets as JSON for the
/// bank's mailer: the registration PIN ① and the card exist nowhere else in clear text.
/// It is a command run on the server's own machine, never reachable over HTTP: whoever may run it
/// there (and so read the database and the key ring anyway) acts as a bank operator. A bank's real
/// back office signs its operators in (<see cref="IBankOperatorAuthenticator"/>) and audits them by name.
/// </summary>
internal sealed class BackOffice : IBankOperatorAuthenticator
{
    private static readonly ClaimsPrincipal CommandLine = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, Environment.UserName)], "command-line"));

    public ValueTask<string?> AuthenticateAsync(ClaimsPrincipal operatorSession, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ReferenceEquals(operatorSession, CommandLine) ? $"command-line:{Environment.UserName}" : null);

    public static async Task<int> RunAsync(IServiceProvider services, string[] command)
    {
        if (command is not ["new-contract", var contractText] || !ContractId.TryParse(contractText, out var contractId))
        {
            Console.Error.WriteLine("usage: bank new-contract <contract id: 11 half-width digits>");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var bankOperator = await provider.GetRequiredService<BankOperatorAuthentication>().AuthenticateAsync(CommandLine)
            ?? throw new InvalidOperationException("The back office's operator was refused.");
        var operations = provider.GetRequiredService<BankOperations>();
        var tokens = provider.GetRequiredService<HardwareTokenInventory>();
        var registrationPin = RandomNumberGenerator.GetInt32(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);
        var serialNumber = "QS" + RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        AuthResult step = await operations.CreateContractAsync(bankOperator, contractText, registrationPin, LockoutMode.Linked);
        if (step.Succeeded)
        {
            step = await operations.SetContractServicesAsync(bankOperator, contractId, [BankServices.BalanceInquiry, BankServices.Transfers]);
        }

        var card = step.Succeeded ? await provider.GetRequiredService<CustomerCardIssuance>().IssueAsync(contractId, bankOperator, CancellationToken.None) : null;
        var token = card is { Succeeded: true } ? await tokens.CreateSoftwareTokenAsync(serialNumber, "BizWeb quick start", contractText, bankOperator) : null;
        if (token is { Succeeded: true })
        {
            step = await tokens.BindAsync(serialNumber, contractId, bankOperator);
        }

        if (!step.Succeeded || card is not { Succeeded: true } || token is not { Succeeded: true })
        {
            Console.Error.WriteLine($"The contract could not be set up: {(!step.Succeeded ? step : card is { Succeeded: false } ? card : token)}");
            return 1;
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            contractId = contractText,
            registrationPin,
            card = CustomerCardPositions.All.ToDictionary(CustomerCardPositions.GetLabel, card.Value.GetValue),
            token = new { serialNumber, uri = token.Value.Uri },
        }));
        return 0;
    }
}
